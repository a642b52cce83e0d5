package be.bolwerk.findings.web;

import static org.assertj.core.api.Assertions.assertThat;

import be.bolwerk.findings.Severity;
import be.bolwerk.findings.register.FindingList;
import be.bolwerk.shared.Paged;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The register's links, worked out in Java: every filter and the sort kept, the search as it was typed. */
class FindingViewsTests {

    private static final FindingViews.Texts KEYS = (key, args) -> key;

    @Test
    void theLinksKeepTheSelectionAndTheSearchAsTyped() {
        // "+" and "&" must come back as typed, not as a space or as a parameter of their own.
        FindingList.Search search = new FindingList.Search(
                "c++ & tls", null, Severity.CRITICAL, null, null, null, FindingList.Sort.OWNER, true, 2);
        FindingViews.ListView view = FindingViews.list(new Paged<>(List.of(), 2, 25, 80), search, Map.of(), KEYS);

        String kept = "q=c%2B%2B%20%26%20tls&status=&severity=CRITICAL&source=&owner=&due=";
        assertThat(view.exportHref()).isEqualTo("/findings/report/register.xlsx?" + kept + "&sort=owner&dir=desc");
        assertThat(view.previous()).isEqualTo("/findings?" + kept + "&sort=owner&dir=desc&page=1");
        assertThat(view.next()).isEqualTo("/findings?" + kept + "&sort=owner&dir=desc&page=3");
        assertThat(view.columns().get(0).href()).isEqualTo("/findings?" + kept + "&sort=title&dir=asc&page=0");
        assertThat(view.sort()).isEqualTo("owner");
        assertThat(view.dir()).isEqualTo("desc");
    }
}

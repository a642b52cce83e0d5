package be.bolwerk.findings;

import static org.assertj.core.api.Assertions.assertThat;

import be.bolwerk.findings.register.Finding;
import be.bolwerk.findings.register.FindingList;
import be.bolwerk.findings.register.Raising;
import be.bolwerk.organisation.demo.DemoOrganisationIds;
import be.bolwerk.shared.security.CurrentUser;
import be.bolwerk.shared.security.OrganisationRole;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The register's sort and search keys kept by the database (V38, ADR 0034) order and find exactly as the expressions
 * they replaced: severity by rank, title and owner without regard to case, the owner-less last going up and first
 * going down (descending is ascending reversed), and a search in title, system, external id and control reference, case-insensitive, with {@code %} and
 * {@code _} taken literally. The keys follow every change of the finding (they are generated columns).
 */
@SpringBootTest
class RegisterKeysTests {

    private static final UUID APPELKERKE = DemoOrganisationIds.APPELKERKE.value();

    private final FindingList list;
    private final Raising raising;
    private final JdbcClient jdbc;
    private final String marker = "Sleutel" + UUID.randomUUID().toString().substring(0, 8);
    private CurrentUser iso;

    RegisterKeysTests(@Autowired FindingList list, @Autowired Raising raising, @Autowired JdbcClient jdbc) {
        this.list = list;
        this.raising = raising;
        this.jdbc = jdbc;
    }

    @BeforeEach
    void iso() {
        UUID id = jdbc.sql("SELECT id FROM user_account WHERE email = 'iso@appelkerke.invalid'")
                .query(UUID.class)
                .single();
        iso = new CurrentUser(
                id,
                "iso@appelkerke.invalid",
                "Iso",
                null,
                true,
                Set.of(),
                Map.of(APPELKERKE, OrganisationRole.ORGANISATION_ADMIN));
    }

    @AfterEach
    void clean() {
        jdbc.sql("DELETE FROM finding WHERE title LIKE :t")
                .param("t", marker + "%")
                .update();
        RegisterWrites.moved(jdbc);
    }

    @Test
    void severityTitleAndOwnerSortByTheirKeysWithTheOwnerlessLastBothWays() {
        UUID low = raise(marker + " b laag", Severity.LOW, "", "", "");
        UUID critical = raise(marker + " C kritiek", Severity.CRITICAL, "", "", "");
        UUID medium = raise(marker + " a midden", Severity.MEDIUM, "", "", "");
        owner(low, "bart");
        owner(critical, "Anna");

        assertThat(titles(FindingList.Sort.SEVERITY, false)).containsExactly(" C kritiek", " a midden", " b laag");
        assertThat(titles(FindingList.Sort.SEVERITY, true)).containsExactly(" b laag", " a midden", " C kritiek");
        assertThat(titles(FindingList.Sort.TITLE, false)).containsExactly(" a midden", " b laag", " C kritiek");
        assertThat(titles(FindingList.Sort.OWNER, false))
                .as("Anna before bart whatever the case; no owner last")
                .containsExactly(" C kritiek", " b laag", " a midden");
        assertThat(titles(FindingList.Sort.OWNER, true))
                .as("descending is ascending reversed: no owner first")
                .containsExactly(" a midden", " b laag", " C kritiek");

        owner(medium, "Aaron");
        assertThat(titles(FindingList.Sort.OWNER, false))
                .as("the key follows a new owner")
                .containsExactly(" a midden", " C kritiek", " b laag");
    }

    @Test
    void aSearchFindsTitleSystemExternalIdAndControlWithoutRegardToCaseAndTakesWildcardsLiterally() {
        raise(marker + " titel TLS-Versie", Severity.HIGH, "", "", "");
        raise(marker + " systeem", Severity.HIGH, "Mail-GATEWAY", "", "");
        raise(marker + " extern", Severity.HIGH, "", "", "SCAN-4711");
        raise(marker + " controle", Severity.HIGH, "", "BA07.3", "");
        raise(marker + " procent 100%", Severity.HIGH, "", "", "");

        assertThat(search("tls-versie")).containsExactly(" titel TLS-Versie");
        assertThat(search("mail-gateway")).containsExactly(" systeem");
        assertThat(search("scan-4711")).containsExactly(" extern");
        assertThat(search("ba07.3")).containsExactly(" controle");
        assertThat(search("100%")).containsExactly(" procent 100%");
        assertThat(search("10_%")).as("an underscore is no wildcard").isEmpty();
        assertThat(list.search(query(marker.toUpperCase(), FindingList.Sort.TITLE, false), iso)
                        .total())
                .isEqualTo(5);
    }

    /**
     * Above {@link FindingList#FEW} matches the page walks the register in its order with a plain substring test
     * instead of the count's LIKE: the same matches, wildcards still literal, every page and the last one too.
     */
    @Test
    void aSearchWithManyMatchesWalksInOrderAndFindsTheSameRows() {
        for (int i = 0; i <= FindingList.FEW; i++) {
            raise(marker + String.format(" veel %03d 5%%_x", i), Severity.LOW, "", "", "");
        }
        raise(marker + " veel 999 5ab_x", Severity.LOW, "", "", "");

        String text = marker + " veel";
        FindingList.Search all = query(text, FindingList.Sort.TITLE, false);
        assertThat(list.search(all, iso).total()).isEqualTo(FindingList.FEW + 2);
        FindingList.Search literal = query("5%_x", FindingList.Sort.TITLE, false);
        var first = list.search(literal, iso);
        assertThat(first.total()).as("% and _ taken literally").isEqualTo(FindingList.FEW + 1);
        assertThat(first.items())
                .extracting(r -> r.title().substring(marker.length()))
                .startsWith(" veel 000 5%_x", " veel 001 5%_x")
                .hasSize(25);
        int lastPage = (int) (FindingList.FEW / 25);
        var last = list.search(
                new FindingList.Search("5%_x", null, null, null, null, null, FindingList.Sort.TITLE, false, lastPage),
                iso);
        assertThat(last.items())
                .extracting(r -> r.title().substring(marker.length()))
                .containsExactly(" veel 200 5%_x");
    }

    private UUID raise(String title, Severity severity, String system, String control, String externalId) {
        return raising.raise(
                        APPELKERKE,
                        new Finding.Details(title, "", severity, system, "", null, null, control, false, externalId),
                        iso)
                .value();
    }

    private void owner(UUID finding, String name) {
        jdbc.sql("UPDATE finding SET owner_name = :n WHERE id = :id")
                .param("n", name)
                .param("id", finding)
                .update();
        RegisterWrites.moved(jdbc);
    }

    private List<String> titles(FindingList.Sort sort, boolean descending) {
        return list.search(query(marker, sort, descending), iso).items().stream()
                .map(r -> r.title().substring(marker.length()))
                .toList();
    }

    private List<String> search(String text) {
        return list.search(query(text, FindingList.Sort.TITLE, false), iso).items().stream()
                .filter(r -> r.title().startsWith(marker))
                .map(r -> r.title().substring(marker.length()))
                .toList();
    }

    private static FindingList.Search query(String text, FindingList.Sort sort, boolean descending) {
        return new FindingList.Search(text, null, null, null, null, null, sort, descending, 0);
    }
}

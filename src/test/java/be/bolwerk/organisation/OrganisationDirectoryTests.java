package be.bolwerk.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.bolwerk.TestUsers;
import be.bolwerk.organisation.demo.DemoOrganisationIds;
import be.bolwerk.shared.Paged;
import be.bolwerk.shared.security.CurrentUser;
import be.bolwerk.shared.security.OrganisationRole;
import be.bolwerk.shared.security.Persona;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** Reads against the demo data (300 fictional organisations) on H2 and on PostgreSQL. */
@SpringBootTest
class OrganisationDirectoryTests {

    private final OrganisationDirectory directory;

    OrganisationDirectoryTests(@Autowired OrganisationDirectory directory) {
        this.directory = directory;
    }

    @Test
    void programmeOfficerPagesThroughAllOrganisations() {
        CurrentUser officer = TestUsers.programmeOfficer();

        Paged<OrganisationListItem> first =
                directory.search(new OrganisationSearch("", null, "name", false, 0, 25), officer);
        Paged<OrganisationListItem> second =
                directory.search(new OrganisationSearch("", null, "name", false, 1, 25), officer);

        assertThat(first.total()).isGreaterThanOrEqualTo(300);
        assertThat(first.items()).hasSize(25);
        assertThat(first.items().get(24).name())
                .isLessThanOrEqualTo(second.items().get(0).name());
        assertThat(second.items()).doesNotContainAnyElementsOf(first.items());
    }

    @Test
    void aPagePastTheEndIsEmptyButStillCountsTheMatches() {
        CurrentUser officer = TestUsers.programmeOfficer();
        long all = directory.search(OrganisationSearch.firstPage(), officer).total();

        Paged<OrganisationListItem> beyond =
                directory.search(new OrganisationSearch("", null, "name", false, 1000, 25), officer);

        assertThat(beyond.items()).isEmpty();
        assertThat(beyond.total()).isEqualTo(all).isGreaterThanOrEqualTo(300);
    }

    @Test
    void searchMatchesNameCaseInsensitivelyAndFiltersByType() {
        Paged<OrganisationListItem> result = directory.search(
                new OrganisationSearch("APPELKERKE", OrganisationType.MUNICIPALITY, "name", false, 0, 25),
                TestUsers.programmeOfficer());

        assertThat(result.items()).extracting(OrganisationListItem::name).containsExactly("Gemeente Appelkerke");
    }

    @Test
    void wildcardsInTheQueryAreTakenLiterally() {
        Paged<OrganisationListItem> result =
                directory.search(new OrganisationSearch("%", null, "name", false, 0, 25), TestUsers.programmeOfficer());

        assertThat(result.total()).isZero();
    }

    @Test
    void sortsByInhabitantsDescendingWithUnknownValuesLast() {
        Paged<OrganisationListItem> result = directory.search(
                new OrganisationSearch("", null, "inhabitants", true, 0, 100), TestUsers.programmeOfficer());

        List<Integer> known = result.items().stream()
                .map(OrganisationListItem::inhabitants)
                .filter(Objects::nonNull)
                .toList();
        assertThat(known).hasSizeGreaterThan(50).isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(result.items().get(0).inhabitants()).isNotNull();
    }

    @Test
    void memberSeesOnlyTheirOwnOrganisation() {
        CurrentUser member = TestUsers.member(DemoOrganisationIds.APPELKERKE.value(), OrganisationRole.MEMBER);

        Paged<OrganisationListItem> result = directory.search(OrganisationSearch.firstPage(), member);

        assertThat(result.items()).extracting(OrganisationListItem::id).containsExactly(DemoOrganisationIds.APPELKERKE);
        assertThat(directory.countByType(member).values().stream()
                        .mapToLong(Long::longValue)
                        .sum())
                .isEqualTo(1);
    }

    @Test
    void foreignOrganisationAnswersLikeAMissingOne() {
        CurrentUser member =
                TestUsers.member(DemoOrganisationIds.APPELKERKE.value(), OrganisationRole.ORGANISATION_ADMIN);

        assertThatThrownBy(() -> directory.profile(DemoOrganisationIds.OCMW_MUNTHOVE, member))
                .isInstanceOf(OrganisationNotFound.class);
        assertThatThrownBy(() -> directory.profile(OrganisationId.random(), TestUsers.programmeOfficer()))
                .isInstanceOf(OrganisationNotFound.class);
        assertThat(directory.profile(DemoOrganisationIds.APPELKERKE, member).name())
                .isEqualTo("Gemeente Appelkerke");
    }

    @Test
    void personaWithoutOrganisationsSeesNone() {
        CurrentUser auditor = TestUsers.persona(Persona.AUDITOR);

        assertThat(directory.search(OrganisationSearch.firstPage(), auditor).total())
                .isZero();
        assertThat(directory.countByType(auditor)).containsAllEntriesOf(Map.of(OrganisationType.MUNICIPALITY, 0L));
        assertThatThrownBy(() -> directory.profile(DemoOrganisationIds.APPELKERKE, auditor))
                .isInstanceOf(OrganisationNotFound.class);
    }
}

package be.bolwerk.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.bolwerk.shared.Refusal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class OrganisationTests {

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC);

    static OrganisationDetails details(String name) {
        return new OrganisationDetails(
                name, OrganisationType.MUNICIPALITY, "12345", 12_000, 150, "ISO@Example.invalid", "+32 9 123 45 67");
    }

    @Test
    void registrationRecordsTheProfileAndRaisesAnEvent() {
        Organisation organisation = Organisation.register(details("  Gemeente Testdorp "), clock);

        OrganisationProfile profile = organisation.profile();
        assertThat(profile.name()).isEqualTo("Gemeente Testdorp");
        assertThat(profile.contactEmail()).isEqualTo("iso@example.invalid");
        assertThat(profile.createdAt()).isEqualTo(clock.instant());
        assertThat(organisation.raisedEvents())
                .containsExactly(new OrganisationRegistered(
                        organisation.id(), "Gemeente Testdorp", OrganisationType.MUNICIPALITY));
    }

    @Test
    void blankOptionalFieldsAreStoredAsAbsent() {
        Organisation organisation = Organisation.register(
                new OrganisationDetails(
                        "OCMW Test", OrganisationType.SOCIAL_WELFARE_CENTRE, " ", null, null, "a@b.invalid", ""),
                clock);

        assertThat(organisation.profile().nisCode()).isNull();
        assertThat(organisation.profile().contactPhone()).isNull();
    }

    @Test
    void rejectsMalformedNisCode() {
        OrganisationDetails details = new OrganisationDetails(
                "Gemeente X", OrganisationType.MUNICIPALITY, "12A45", null, null, "a@b.invalid", null);

        assertThatThrownBy(() -> Organisation.register(details, clock)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsNegativeCounts() {
        OrganisationDetails details = new OrganisationDetails(
                "Gemeente X", OrganisationType.MUNICIPALITY, null, -1, null, "a@b.invalid", null);

        assertThatThrownBy(() -> Organisation.register(details, clock)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesAnEditMadeOnAnOlderVersion() {
        Organisation organisation = Organisation.register(details("Gemeente Y"), clock);
        // A registered but unsaved organisation has no version yet; any expected version is stale.
        assertThatThrownBy(() -> organisation.updateProfile(details("Gemeente Z"), 0, clock))
                .isInstanceOfSatisfying(
                        Refusal.class, e -> assertThat(e.messageKey()).isEqualTo(OrganisationManagement.STALE));
        assertThat(organisation.profile().name()).isEqualTo("Gemeente Y");
    }

    @Test
    void searchFallsBackToSafeSortingAndPageSize() {
        OrganisationSearch search = new OrganisationSearch(null, null, "name; DROP TABLE organisation", true, -3, 5000);

        assertThat(search.column()).isEqualTo("name");
        assertThat(search.page()).isZero();
        assertThat(search.size()).isEqualTo(OrganisationSearch.DEFAULT_SIZE);
        assertThat(search.query()).isEmpty();
        assertThat(new OrganisationSearch("", null, "staffCount", false, 0, 50).column())
                .isEqualTo("staff_count");
    }

    @Test
    void likePatternsEscapeWildcards() {
        assertThat(be.bolwerk.shared.Like.escape("100%_a\\b")).isEqualTo("100\\%\\_a\\\\b");
    }
}

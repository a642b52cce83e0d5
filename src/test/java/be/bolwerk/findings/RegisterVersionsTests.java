package be.bolwerk.findings;

import static org.assertj.core.api.Assertions.assertThat;

import be.bolwerk.findings.register.Finding;
import be.bolwerk.findings.register.FindingList;
import be.bolwerk.findings.register.Raising;
import be.bolwerk.findings.register.RegisterVersions;
import be.bolwerk.organisation.demo.DemoOrganisationIds;
import be.bolwerk.shared.security.CurrentUser;
import be.bolwerk.shared.security.OrganisationRole;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The register versions (ADR 0046): a committed change to an organisation's findings moves its version once per
 * transaction, a rolled-back one not at all, another organisation's never; the count of a search is kept under the
 * versions, so it is counted again right after a change and not before, and it is never shared between people who
 * see different organisations. Runs on H2 and, with the PostgreSQL properties set, on PostgreSQL.
 */
@SpringBootTest
class RegisterVersionsTests {

    private static final UUID APPELKERKE = DemoOrganisationIds.APPELKERKE.value();
    private static final UUID MUNTHOVE = DemoOrganisationIds.OCMW_MUNTHOVE.value();

    private final RegisterVersions versions;
    private final FindingList list;
    private final Raising raising;
    private final TransactionTemplate transaction;
    private final JdbcClient jdbc;
    private final String marker = "Versie" + UUID.randomUUID().toString().substring(0, 8);
    private CurrentUser iso;

    RegisterVersionsTests(
            @Autowired RegisterVersions versions,
            @Autowired FindingList list,
            @Autowired Raising raising,
            @Autowired TransactionTemplate transaction,
            @Autowired JdbcClient jdbc) {
        this.versions = versions;
        this.list = list;
        this.raising = raising;
        this.transaction = transaction;
        this.jdbc = jdbc;
    }

    @BeforeEach
    void iso() {
        iso = member(Map.of(APPELKERKE, OrganisationRole.ORGANISATION_ADMIN));
    }

    @AfterEach
    void clean() {
        jdbc.sql("DELETE FROM finding WHERE title LIKE :t")
                .param("t", marker + "%")
                .update();
        RegisterWrites.moved(jdbc);
    }

    @Test
    void aCommittedChangeMovesItsOrganisationsVersionOnceAndARolledBackOneNotAtAll() {
        // an organisation of its own, so that no finding another test's late event raises can move its version
        UUID own = UUID.randomUUID();
        CurrentUser admin = member(Map.of(own, OrganisationRole.ORGANISATION_ADMIN));
        long munthove = versions.of(MUNTHOVE);
        assertThat(versions.of(own)).as("no change yet").isZero();

        transaction.executeWithoutResult(status -> {
            raise(own, marker + " een", admin);
            raise(own, marker + " twee", admin);
            assertThat(versions.of(own))
                    .as("the version moves when the transaction commits, not at the first write")
                    .isZero();
        });
        assertThat(versions.of(own)).as("two findings, one transaction").isEqualTo(1);
        assertThat(versions.of(MUNTHOVE)).isEqualTo(munthove);

        transaction.executeWithoutResult(status -> {
            raise(own, marker + " drie", admin);
            status.setRollbackOnly();
        });
        assertThat(versions.of(own)).isEqualTo(1);
        assertThat(count(admin)).as("the rolled-back finding is not there").isEqualTo(2);

        raise(own, marker + " vier", admin);
        assertThat(versions.of(own)).isEqualTo(2);
    }

    @Test
    void theCountOfASearchIsKeptUntilTheRegisterChanges() {
        raise(marker + " een");
        raise(marker + " twee");
        assertThat(count(iso)).isEqualTo(2);

        // behind the store's back: no version moves, so the kept count is served (this is what it saves)
        jdbc.sql("""
                        INSERT INTO finding (id, organisation_id, title, description, source, severity, affected_system,
                            recommendation, sla_start, control_ref, known_exploited, external_id, status, created_at,
                            revision)
                        VALUES (:id, :org, :title, '', 'MANUAL', 'HIGH', '', '', CURRENT_DATE, '', FALSE, '', 'NEW',
                            CURRENT_TIMESTAMP, 0)
                        """)
                .param("id", UUID.randomUUID())
                .param("org", APPELKERKE)
                .param("title", marker + " buiten de store")
                .update();
        assertThat(count(iso)).isEqualTo(2);
        assertThat(list.search(search(marker), iso).items())
                .as("the page itself is always read fresh")
                .hasSize(3);

        raise(marker + " drie");
        assertThat(count(iso))
                .as("a change through the store moves the version: counted again")
                .isEqualTo(4);
    }

    @Test
    void aCountIsNeverSharedBetweenPeopleWhoSeeDifferentOrganisations() {
        raise(marker + " een");
        CurrentUser munthove = member(Map.of(MUNTHOVE, OrganisationRole.ORGANISATION_ADMIN));
        CurrentUser both =
                member(Map.of(APPELKERKE, OrganisationRole.MEMBER, MUNTHOVE, OrganisationRole.ORGANISATION_ADMIN));

        assertThat(count(iso)).isEqualTo(1);
        assertThat(count(munthove)).isZero();
        raising.raise(
                MUNTHOVE,
                new Finding.Details(marker + " munthove", "", Severity.LOW, "", "", null, null, "", false, ""),
                munthove);
        assertThat(count(both)).isEqualTo(2);
        assertThat(count(munthove)).isEqualTo(1);
        assertThat(count(iso)).isEqualTo(1);
    }

    private void raise(String title) {
        raise(APPELKERKE, title, iso);
    }

    private void raise(UUID organisation, String title, CurrentUser user) {
        raising.raise(
                organisation, new Finding.Details(title, "", Severity.HIGH, "", "", null, null, "", false, ""), user);
    }

    private long count(CurrentUser user) {
        return list.search(search(marker), user).total();
    }

    private static FindingList.Search search(String text) {
        return new FindingList.Search(text, null, null, null, null, null, FindingList.Sort.TITLE, false, 0);
    }

    private CurrentUser member(Map<UUID, OrganisationRole> memberships) {
        UUID id = jdbc.sql("SELECT id FROM user_account WHERE email = 'iso@appelkerke.invalid'")
                .query(UUID.class)
                .single();
        return new CurrentUser(id, "iso@appelkerke.invalid", "Iso", null, true, Set.of(), memberships);
    }
}

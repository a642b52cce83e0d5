package be.bolwerk.findings;

import static be.bolwerk.TestUsers.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import be.bolwerk.TestUsers;
import be.bolwerk.findings.register.Finding;
import be.bolwerk.findings.register.Raising;
import be.bolwerk.organisation.demo.DemoOrganisationIds;
import be.bolwerk.shared.BelgianTime;
import be.bolwerk.shared.security.CurrentUser;
import be.bolwerk.shared.security.OrganisationRole;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Bulk actions on the register through the pages: the preview lists what changes and writes nothing; the
 * confirmation changes every finding in one go, each with its own history line, event (audit trail row) and one
 * mail per owner; a forged id of another organisation, a stale revision, a missing reason or a member who is no
 * admin change nothing.
 */
@SpringBootTest
@AutoConfigureMockMvc
class BulkWebTests {

    private static final UUID APPELKERKE = DemoOrganisationIds.APPELKERKE.value();
    private static final String COLLEAGUE = "medewerker@appelkerke.invalid";

    private final MockMvc mvc;
    private final JdbcClient jdbc;
    private final Raising raising;
    private final String title = "Bulktest " + UUID.randomUUID().toString().substring(0, 8);
    private CurrentUser iso;
    private UUID colleague;

    BulkWebTests(@Autowired MockMvc mvc, @Autowired JdbcClient jdbc, @Autowired Raising raising) {
        this.mvc = mvc;
        this.jdbc = jdbc;
        this.raising = raising;
    }

    @BeforeEach
    void people() {
        iso = account("iso@appelkerke.invalid", Map.of(APPELKERKE, OrganisationRole.ORGANISATION_ADMIN));
        colleague = jdbc.sql("SELECT id FROM user_account WHERE email = :e")
                .param("e", COLLEAGUE)
                .query(UUID.class)
                .single();
    }

    @AfterEach
    void clean() {
        jdbc.sql("DELETE FROM finding WHERE title LIKE :title")
                .param("title", title + "%")
                .update();
        RegisterWrites.moved(jdbc);
    }

    @Test
    void assignsAnOwnerToSeveralFindingsAfterAPreviewWithOneMail() throws Exception {
        UUID first = raise(title + " een");
        UUID second = raise(title + " twee");

        String preview = page(post("/findings/bulk/preview")
                .param("ids", first.toString(), second.toString())
                .param("action", "ASSIGN")
                .param("owner", colleague.toString()));
        assertThat(preview)
                .contains(title + " een")
                .contains(title + " twee")
                .contains("Bevestigen voor 2 bevinding(en)")
                .contains("value=\"" + first + ":0\"");
        assertThat(ownerOf(first)).as("the preview writes nothing").isNull();

        mvc.perform(post("/findings/bulk")
                        .param("items", first + ":0", second + ":0")
                        .param("action", "ASSIGN")
                        .param("owner", colleague.toString())
                        .with(signedIn(iso))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/findings"));

        assertThat(ownerOf(first)).isEqualTo(colleague);
        assertThat(ownerOf(second)).isEqualTo(colleague);
        assertThat(steps(first)).containsExactly("RAISED", "OWNER_ASSIGNED");
        assertThat(steps(second)).containsExactly("RAISED", "OWNER_ASSIGNED");
        assertThat(auditRows("FINDING_OWNER_ASSIGNED", title)).isEqualTo(2);
        List<String> bodies = jdbc.sql("SELECT body FROM mail_outbox WHERE recipient = :r AND body LIKE :t")
                .param("r", COLLEAGUE)
                .param("t", "%" + title + "%")
                .query(String.class)
                .list();
        assertThat(bodies).as("one mail listing both findings").hasSize(1);
        assertThat(bodies.get(0)).contains(title + " een").contains(title + " twee");
    }

    @Test
    void selectsTheWholePageWhenAskedTo() throws Exception {
        UUID first = raise(title + " pagina");
        String preview = page(post("/findings/bulk/preview")
                .param("all", "true")
                .param("pageIds", first.toString())
                .param("action", "ASSIGN")
                .param("owner", colleague.toString()));
        assertThat(preview).contains(title + " pagina").contains("Bevestigen voor 1 bevinding(en)");
    }

    @Test
    void theRegisterSendsThePageAsOneFieldOfIdsThatSelectsEachOfThem() throws Exception {
        UUID first = raise(title + " veld een");
        UUID second = raise(title + " veld twee");
        String register = page(get("/findings").param("q", title + " veld"));
        assertThat(register)
                .containsAnyOf(
                        "name=\"pageIds\" value=\"" + first + "," + second + "\"",
                        "name=\"pageIds\" value=\"" + second + "," + first + "\"");
        String preview = page(post("/findings/bulk/preview")
                .param("all", "true")
                .param("pageIds", first + "," + second + ",no-id")
                .param("action", "ASSIGN")
                .param("owner", colleague.toString()));
        assertThat(preview)
                .contains(title + " veld een")
                .contains(title + " veld twee")
                .contains("Bevestigen voor 2 bevinding(en)");
    }

    @Test
    void movesTheDueDateWithAReasonIntoEachHistory() throws Exception {
        UUID first = raise(title + " termijn");
        LocalDate later = BelgianTime.today(java.time.Clock.systemUTC()).plusDays(60);
        String refused = page(post("/findings/bulk")
                .param("items", first + ":0")
                .param("action", "MOVE_DUE")
                .param("due", later.toString())
                .param("reason", "  "));
        assertThat(refused).contains("Geef een reden waarom de uiterste datum verschuift");
        assertThat(dueOf(first)).isNotEqualTo(later);

        mvc.perform(post("/findings/bulk")
                        .param("items", first + ":0")
                        .param("action", "MOVE_DUE")
                        .param("due", later.toString())
                        .param("reason", "Leverancier levert de patch later")
                        .with(signedIn(iso))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(dueOf(first)).isEqualTo(later);
        assertThat(steps(first)).containsExactly("RAISED", "DUE_DATE_MOVED");
        assertThat(auditRows("FINDING_DUE_DATE_MOVED", title)).isEqualTo(1);
    }

    @Test
    void aFindingOfAnotherOrganisationInThePostChangesNothing() throws Exception {
        UUID own = raise(title + " eigen");
        UUID foreign = jdbc.sql("SELECT id FROM finding WHERE organisation_id = :org ORDER BY id LIMIT 1")
                .param("org", DemoOrganisationIds.OCMW_MUNTHOVE.value())
                .query(UUID.class)
                .single();
        String foreignOwner = String.valueOf(ownerOf(foreign));
        mvc.perform(post("/findings/bulk")
                        .param("items", own + ":0", foreign + ":0")
                        .param("action", "ASSIGN")
                        .param("owner", colleague.toString())
                        .with(signedIn(iso))
                        .with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/findings/bulk/preview")
                        .param("ids", foreign.toString())
                        .param("action", "ASSIGN")
                        .param("owner", colleague.toString())
                        .with(signedIn(iso))
                        .with(csrf()))
                .andExpect(status().isNotFound());
        assertThat(ownerOf(own)).as("nothing changed, not even the own finding").isNull();
        assertThat(String.valueOf(ownerOf(foreign))).isEqualTo(foreignOwner);
    }

    @Test
    void aFindingChangedSinceThePreviewIsRefusedAsStale() throws Exception {
        UUID first = raise(title + " oud");
        UUID second = raise(title + " nieuw");
        jdbc.sql("UPDATE finding SET revision = revision + 1 WHERE id = :id")
                .param("id", second)
                .update();
        RegisterWrites.moved(jdbc);
        String page = page(post("/findings/bulk")
                .param("items", first + ":0", second + ":0")
                .param("action", "ASSIGN")
                .param("owner", colleague.toString()));
        assertThat(page).contains("Iemand heeft &quot;" + title + " nieuw&quot; intussen gewijzigd");
        assertThat(ownerOf(first))
                .as("one transaction: the first is not changed either")
                .isNull();
    }

    @Test
    void membersWhoAreNoAdminAndOtherPersonasAreRefused() throws Exception {
        UUID first = raise(title + " lid");
        for (CurrentUser user : List.of(
                TestUsers.member(APPELKERKE, OrganisationRole.MEMBER),
                TestUsers.member(APPELKERKE, OrganisationRole.VIEWER),
                TestUsers.programmeOfficer())) {
            mvc.perform(post("/findings/bulk")
                            .param("items", first + ":0")
                            .param("action", "ASSIGN")
                            .param("owner", colleague.toString())
                            .with(signedIn(user))
                            .with(csrf()))
                    .andExpect(status().isForbidden());
        }
        mvc.perform(post("/findings/bulk")
                        .param("items", first + ":0")
                        .param("action", "ASSIGN")
                        .param("owner", colleague.toString())
                        .with(signedIn(iso)))
                .andExpect(status().isForbidden());
        assertThat(ownerOf(first)).isNull();
    }

    @Test
    void nothingChosenOrNoOwnerIsExplained() throws Exception {
        assertThat(page(post("/findings/bulk/preview").param("action", "ASSIGN")))
                .contains("Kies eerst één of meer bevindingen");
        UUID first = raise(title + " zonder");
        assertThat(page(post("/findings/bulk/preview")
                        .param("ids", first.toString())
                        .param("action", "MOVE_DUE")
                        .param("due", "2027-02-31")
                        .param("reason", "x")))
                .contains("Vul een bestaande datum in");
        assertThat(page(post("/findings/bulk/preview")
                        .param("ids", first.toString())
                        .param("action", "ASSIGN")))
                .contains("Kies een eigenaar.");
    }

    private UUID raise(String name) {
        return raising.raise(
                        APPELKERKE,
                        new Finding.Details(name, "", Severity.HIGH, "", "", null, null, "", false, ""),
                        iso)
                .value();
    }

    private String page(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(signedIn(iso)).with(csrf()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private UUID ownerOf(UUID id) {
        return jdbc.sql("SELECT owner_id FROM finding WHERE id = :id")
                .param("id", id)
                .query((rs, n) -> Optional.ofNullable(rs.getObject("owner_id", UUID.class)))
                .single()
                .orElse(null);
    }

    private LocalDate dueOf(UUID id) {
        return jdbc.sql("SELECT due_date FROM finding WHERE id = :id")
                .param("id", id)
                .query((rs, n) -> rs.getObject("due_date", LocalDate.class))
                .single();
    }

    private List<String> steps(UUID id) {
        return jdbc.sql("SELECT step FROM finding_history WHERE finding_id = :id ORDER BY seq")
                .param("id", id)
                .query(String.class)
                .list();
    }

    private long auditRows(String type, String text) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE event_type = :type AND details LIKE :t")
                .param("type", type)
                .param("t", "%" + text + "%")
                .query(Long.class)
                .single();
    }

    private CurrentUser account(String email, Map<UUID, OrganisationRole> memberships) {
        record Row(UUID id, String name) {}
        Row row = jdbc.sql("SELECT id, display_name FROM user_account WHERE email = :email")
                .param("email", email)
                .query((rs, n) -> new Row(rs.getObject("id", UUID.class), rs.getString("display_name")))
                .single();
        return new CurrentUser(row.id(), email, row.name(), null, true, Set.of(), memberships);
    }
}

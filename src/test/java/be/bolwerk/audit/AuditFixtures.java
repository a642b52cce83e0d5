package be.bolwerk.audit;

import be.bolwerk.audit.ordering.AuditOrder;
import be.bolwerk.audit.ordering.AuditOrderStore;
import be.bolwerk.audit.ordering.Quote;
import be.bolwerk.funding.BudgetLineId;
import be.bolwerk.shared.security.CurrentUser;
import be.bolwerk.shared.security.Persona;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Orders written through the store (no mails, no events) and the demo people, for tests of the audit module. */
public final class AuditFixtures {

    /** The firm of the demo auditor. */
    public static final String FIRM = "Auditkantoor Voorbeeld";

    private AuditFixtures() {}

    /** A requested order on the given line. */
    public static AuditOrder requested(
            AuditOrderStore store, UUID organisation, String name, AuditKind kind, BudgetLineId line, String excl) {
        AuditOrder order = AuditOrder.request(
                new AuditOrder.Request(
                        organisation,
                        name,
                        null,
                        null,
                        kind,
                        false,
                        line,
                        true,
                        new Quote(new BigDecimal(excl), BigDecimal.ZERO)),
                new AuditOrder.Actor(UUID.randomUUID(), "Test"),
                Instant.now());
        store.insert(order);
        return order;
    }

    /** The demo auditor of {@link #FIRM}, signed in as the stored account. */
    public static CurrentUser auditor(JdbcClient jdbc) {
        UUID id = jdbc.sql("SELECT id FROM user_account WHERE email = 'auditor@auditkantoor.invalid'")
                .query(UUID.class)
                .single();
        return new CurrentUser(
                id, "auditor@auditkantoor.invalid", "Arne Auditeur", null, true, Set.of(Persona.AUDITOR), Map.of());
    }

    /** The demo programme officer, as the stored account (so mails to officers reach the same address). */
    public static CurrentUser officer(JdbcClient jdbc) {
        UUID id = jdbc.sql("SELECT id FROM user_account WHERE email = 'programma@bolwerk.invalid'")
                .query(UUID.class)
                .single();
        return new CurrentUser(
                id,
                "programma@bolwerk.invalid",
                "Paula Programma",
                null,
                true,
                Set.of(Persona.PROGRAMME_OFFICER),
                Map.of());
    }

    /** A requested order of the organisation named after it, written straight into the table; its id as text. */
    public static String victimOrder(JdbcClient jdbc, UUID organisation) {
        UUID line = be.bolwerk.funding.FundingFixtures.line(jdbc, "1000.00", true);
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO audit_order (id, reference, organisation_id, organisation_name, kind, budget_line_id,
                            quote_excluding_vat, quote_vat, shares_include_vat, programme_share, organisation_share,
                            status, requested_by, requested_at)
                        VALUES (:id, :reference, :organisation, 'OCMW Munthove', 'BASIC', :line, 90.00, 0.00, TRUE,
                            60.00, 30.00, 'REQUESTED', :organisation, CURRENT_TIMESTAMP)
                        """)
                .param("id", id)
                .param("reference", "AUD-" + id.toString().substring(0, 8).toUpperCase(java.util.Locale.ROOT))
                .param("organisation", organisation)
                .param("line", line)
                .update();
        return id.toString();
    }

    /** Someone who administers every one of these organisations (a joint order needs an admin of both). */
    public static CurrentUser adminOf(UUID... organisations) {
        Map<UUID, be.bolwerk.shared.security.OrganisationRole> roles = new java.util.HashMap<>();
        for (UUID organisation : organisations) {
            roles.put(organisation, be.bolwerk.shared.security.OrganisationRole.ORGANISATION_ADMIN);
        }
        return new CurrentUser(UUID.randomUUID(), "beide@test.invalid", "Beide Besturen", null, true, Set.of(), roles);
    }

    /** The body of the one mail queued for this address with exactly this subject. */
    public static String mail(JdbcClient jdbc, String to, String subject) {
        return jdbc.sql("SELECT body FROM mail_outbox WHERE recipient = :to AND subject = :subject")
                .param("to", to)
                .param("subject", subject)
                .query(String.class)
                .single();
    }

    /** Mails queued for this address whose subject names the order. */
    public static long mails(JdbcClient jdbc, String to, String reference) {
        return jdbc.sql("SELECT COUNT(*) FROM mail_outbox WHERE recipient = :to AND subject LIKE :ref")
                .param("to", to)
                .param("ref", "%" + reference + "%")
                .query(Long.class)
                .single();
    }

    /** A one-page PDF that PDFBox wrote: what the report upload accepts. */
    public static byte[] pdf() throws Exception {
        try (PDDocument document = new PDDocument()) {
            document.addPage(new PDPage());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }
}

package be.bolwerk.audit;

import be.bolwerk.audit.ordering.AuditOrder;
import be.bolwerk.audit.ordering.AuditOrderStore;
import be.bolwerk.audit.ordering.Quote;
import be.bolwerk.funding.BudgetLineId;
import be.bolwerk.shared.security.CurrentUser;
import be.bolwerk.shared.security.Persona;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
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

    /** Mails queued for this address whose subject names the order. */
    public static long mails(JdbcClient jdbc, String to, String reference) {
        return jdbc.sql("SELECT COUNT(*) FROM mail_outbox WHERE recipient = :to AND subject LIKE :ref")
                .param("to", to)
                .param("ref", "%" + reference + "%")
                .query(Long.class)
                .single();
    }
}

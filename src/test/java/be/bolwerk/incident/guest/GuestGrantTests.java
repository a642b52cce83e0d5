package be.bolwerk.incident.guest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.bolwerk.incident.IncidentId;
import be.bolwerk.incident.handling.Actor;
import be.bolwerk.shared.Refusal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The guest grant's rules, without Spring: the Brussels end of day, revocation, acceptance once. */
class GuestGrantTests {

    // 10:00 UTC on 1 July 2026 is noon in Brussels (summer time).
    private static final Instant NOW = Instant.parse("2026-07-01T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final Actor ADMIN = new Actor(UUID.randomUUID(), "Ilse Admin");

    private static GuestGrant grant(LocalDate lastDay) {
        return GuestGrant.invite(
                new IncidentId(UUID.randomUUID()),
                UUID.randomUUID(),
                "  Analist@Firma.Example ",
                " Firma IR ",
                lastDay,
                ADMIN,
                CLOCK);
    }

    @Test
    void accessEndsWhenTheLastDayEndsInBrussels() {
        GuestGrant grant = grant(LocalDate.of(2026, 7, 10));
        assertThat(grant.email()).isEqualTo("analist@firma.example");
        assertThat(grant.firm()).isEqualTo("Firma IR");
        // Midnight in Brussels in summer is 22:00 UTC the day before.
        assertThat(grant.expiresAt()).isEqualTo(Instant.parse("2026-07-10T22:00:00Z"));
        assertThat(grant.lastDay()).isEqualTo(LocalDate.of(2026, 7, 10));

        UUID account = UUID.randomUUID();
        grant.accept(account, NOW);
        assertThat(grant.admits(account, Instant.parse("2026-07-10T21:59:59Z"))).isTrue();
        assertThat(grant.admits(account, Instant.parse("2026-07-10T22:00:00Z"))).isFalse();
        assertThat(grant.stateAt(Instant.parse("2026-07-10T22:00:00Z"))).isEqualTo(GuestState.EXPIRED);
        assertThat(grant.admits(UUID.randomUUID(), NOW)).as("another account").isFalse();
    }

    @Test
    void theLastDayIsTodayAtTheEarliestAndAtMostNinetyDaysAhead() {
        assertThat(grant(LocalDate.of(2026, 7, 1)).stateAt(NOW)).isEqualTo(GuestState.INVITED);
        assertThat(grant(LocalDate.of(2026, 7, 1).plusDays(90)).stateAt(NOW)).isEqualTo(GuestState.INVITED);
        assertRefused(() -> grant(LocalDate.of(2026, 6, 30)), GuestGrant.EXPIRY_PAST);
        assertRefused(() -> grant(LocalDate.of(2026, 7, 1).plusDays(91)), GuestGrant.EXPIRY_TOO_FAR);
        assertRefused(() -> grant(null), GuestGrant.EXPIRY_REQUIRED);
        assertRefused(
                () -> GuestGrant.invite(
                        new IncidentId(UUID.randomUUID()),
                        UUID.randomUUID(),
                        "geen-adres",
                        "F",
                        LocalDate.of(2026, 7, 2),
                        ADMIN,
                        CLOCK),
                GuestGrant.EMAIL_INVALID);
        assertRefused(
                () -> GuestGrant.invite(
                        new IncidentId(UUID.randomUUID()),
                        UUID.randomUUID(),
                        "a@b.example",
                        " ",
                        LocalDate.of(2026, 7, 2),
                        ADMIN,
                        CLOCK),
                GuestGrant.FIRM_REQUIRED);
    }

    @Test
    void anInvitationIsAcceptedOnceAndNotAfterItEnded() {
        GuestGrant grant = grant(LocalDate.of(2026, 7, 10));
        var accepted = grant.accept(UUID.randomUUID(), NOW);
        assertThat(accepted.firm()).isEqualTo("Firma IR");
        assertThat(grant.stateAt(NOW)).isEqualTo(GuestState.ACTIVE);
        assertRefused(() -> grant.accept(UUID.randomUUID(), NOW), GuestGrant.ALREADY_ACCEPTED);

        GuestGrant late = grant(LocalDate.of(2026, 7, 2));
        assertRefused(() -> late.accept(UUID.randomUUID(), NOW.plus(Duration.ofDays(5))), GuestGrant.NOT_OPEN);
    }

    @Test
    void revokingEndsAccessAtOnceAndOnlyOnce() {
        GuestGrant grant = grant(LocalDate.of(2026, 7, 10));
        UUID account = UUID.randomUUID();
        grant.accept(account, NOW);
        var revoked = grant.revoke(ADMIN, NOW.plusSeconds(60));
        assertThat(revoked.grantId()).isEqualTo(grant.id());
        assertThat(grant.stateAt(NOW.plusSeconds(61))).isEqualTo(GuestState.REVOKED);
        assertThat(grant.admits(account, NOW.plusSeconds(61))).isFalse();
        assertRefused(() -> grant.revoke(ADMIN, NOW.plusSeconds(120)), GuestGrant.NOT_OPEN);
        assertRefused(() -> grant.accept(UUID.randomUUID(), NOW.plusSeconds(120)), GuestGrant.ALREADY_ACCEPTED);

        GuestGrant unaccepted = grant(LocalDate.of(2026, 7, 10));
        unaccepted.revoke(ADMIN, NOW);
        assertRefused(() -> unaccepted.accept(UUID.randomUUID(), NOW), GuestGrant.NOT_OPEN);
    }

    private static void assertRefused(Runnable step, String key) {
        assertThatThrownBy(step::run)
                .isInstanceOfSatisfying(
                        Refusal.class, r -> assertThat(r.messageKey()).isEqualTo(key));
    }
}

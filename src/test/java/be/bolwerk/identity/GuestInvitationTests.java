package be.bolwerk.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A guest's invitation link works for seven days, or until the grant it leads to ends if that is sooner. */
@SpringBootTest
class GuestInvitationTests {

    private static final String EMAIL = "gast-uitnodiging@responsfirma.invalid";

    private final GuestInvitations invitations;
    private final JdbcClient jdbc;
    private final Clock clock;

    GuestInvitationTests(@Autowired GuestInvitations invitations, @Autowired JdbcClient jdbc, @Autowired Clock clock) {
        this.invitations = invitations;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @AfterEach
    void clean() {
        jdbc.sql("DELETE FROM guest_invitation WHERE email = :e")
                .param("e", EMAIL)
                .update();
    }

    @Test
    void aGrantEndingInTwoDaysEndsItsLinkThen() {
        Instant grantEnds = clock.instant().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.SECONDS);

        UUID id = issue(grantEnds);

        assertThat(expiry(id)).isEqualTo(grantEnds);
    }

    @Test
    void aLongerGrantStillGivesTheLinkSevenDays() {
        Instant before = clock.instant();

        UUID id = issue(before.plus(Duration.ofDays(60)));

        assertThat(expiry(id))
                .isBetween(
                        before.plus(GuestInvitations.VALIDITY).minusSeconds(1),
                        clock.instant().plus(GuestInvitations.VALIDITY).plusSeconds(1));
    }

    private UUID issue(Instant grantEnds) {
        UUID id = UUID.randomUUID();
        UUID admin = jdbc.sql("SELECT id FROM user_account WHERE email = 'iso@appelkerke.invalid'")
                .query(UUID.class)
                .single();
        invitations.issue(id, EMAIL, admin, grantEnds);
        return id;
    }

    private Instant expiry(UUID id) {
        return jdbc.sql("SELECT expires_at FROM guest_invitation WHERE id = :id")
                .param("id", id)
                .query(OffsetDateTime.class)
                .single()
                .toInstant();
    }
}

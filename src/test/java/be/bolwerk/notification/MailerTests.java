package be.bolwerk.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Mails are written from the bundles in the language the caller passes: Dutch when Bolwerk does not know the
 * recipient's, English when the recipient chose it, Dutch for any language without a bundle of its own.
 */
@SpringBootTest
class MailerTests {

    private record Queued(String subject, String body) {}

    private final Mailer mailer;
    private final JdbcClient jdbc;

    MailerTests(@Autowired Mailer mailer, @Autowired JdbcClient jdbc) {
        this.mailer = mailer;
        this.jdbc = jdbc;
    }

    private Queued send(Locale language) {
        String recipient = "mailer-" + UUID.randomUUID() + "@test.invalid";
        mailer.send(
                recipient,
                language,
                "mail/invitation",
                Map.of(
                        "inviter",
                        "Inge Inviter",
                        "organisation",
                        "Gemeente Appelkerke",
                        "link",
                        "http://x/invitation/t"),
                "Gemeente Appelkerke");
        return jdbc.sql("SELECT subject, body FROM mail_outbox WHERE recipient = :r")
                .param("r", recipient)
                .query((rs, row) -> new Queued(rs.getString("subject"), rs.getString("body")))
                .single();
    }

    @Test
    void aMailInTheDefaultLanguageIsDutch() {
        Queued mail = send(Mailer.DEFAULT_LANGUAGE);

        assertThat(mail.subject()).isEqualTo("Uitnodiging voor Bolwerk — Gemeente Appelkerke");
        assertThat(mail.body())
                .startsWith("Goedendag,\n\n")
                .contains("Inge Inviter nodigt u uit om in Bolwerk mee te werken voor Gemeente Appelkerke.")
                .contains("Open deze link binnen 48 uur om uw account in te stellen:\nhttp://x/invitation/t\n")
                .contains("\"Ik heb al een account\"")
                .endsWith("Bolwerk\n")
                .doesNotContain("#{", "[(", "??");
    }

    @Test
    void anEnglishRecipientGetsTheMailInEnglish() {
        Queued mail = send(Locale.forLanguageTag("en-GB"));

        assertThat(mail.subject()).isEqualTo("Invitation to Bolwerk — Gemeente Appelkerke");
        assertThat(mail.body())
                .startsWith("Hello,\n\n")
                .contains("Inge Inviter invites you to work in Bolwerk for Gemeente Appelkerke.")
                .contains("Open this link within 48 hours to set up your account:\nhttp://x/invitation/t\n")
                .doesNotContain("Goedendag", "nodigt");
    }

    @Test
    void aLanguageWithoutBundleFallsBackToDutch() {
        assertThat(send(Locale.GERMAN).subject()).isEqualTo("Uitnodiging voor Bolwerk — Gemeente Appelkerke");
    }

    /** A listener delivered twice (at least once) must not mail twice: the key names reason and recipient. */
    @Test
    void aMailWithAKeyIsQueuedOnceHoweverOftenItIsSent() {
        String recipient = "once-" + UUID.randomUUID() + "@test.invalid";
        String key = "test:" + UUID.randomUUID();
        Map<String, String> model = Map.of("change", "Lid.");

        assertThat(mailer.sendOnce(key, recipient, Mailer.DEFAULT_LANGUAGE, "mail/roleChanged", model))
                .isTrue();
        assertThat(mailer.sendOnce(key, recipient, Mailer.DEFAULT_LANGUAGE, "mail/roleChanged", model))
                .isFalse();
        mailer.send(recipient, Mailer.DEFAULT_LANGUAGE, "mail/roleChanged", model);

        assertThat(jdbc.sql("SELECT COUNT(*) FROM mail_outbox WHERE recipient = :r")
                        .param("r", recipient)
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
    }
}

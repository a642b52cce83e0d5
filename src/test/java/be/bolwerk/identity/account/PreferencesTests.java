package be.bolwerk.identity.account;

import static be.bolwerk.TestUsers.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import be.bolwerk.identity.PersonalMail;
import be.bolwerk.identity.TestAccounts;
import be.bolwerk.shared.security.CurrentUser;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A person chooses the language of their mails and turns the work mails off on their own preferences page;
 * the change is in the audit trail; a work mail then no longer goes, an essential one still does, and every
 * mail to them is in the chosen language.
 */
@SpringBootTest
@AutoConfigureMockMvc
class PreferencesTests {

    private final MockMvc mvc;
    private final JdbcClient jdbc;
    private final TestAccounts accounts;
    private final PersonalMail mail;

    PreferencesTests(
            @Autowired MockMvc mvc,
            @Autowired JdbcClient jdbc,
            @Autowired TestAccounts accounts,
            @Autowired PersonalMail mail) {
        this.mvc = mvc;
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.mail = mail;
    }

    private CurrentUser someone() {
        UserAccount account = accounts.create("prefs", "Piet Prefs", "a long enough passphrase 2026");
        return new CurrentUser(account.id(), account.email(), "Piet Prefs", null, true, Set.of(), Map.of());
    }

    private long mailsTo(CurrentUser user) {
        return jdbc.sql("SELECT COUNT(*) FROM mail_outbox WHERE recipient = :r")
                .param("r", user.email())
                .query(Long.class)
                .single();
    }

    private String lastSubjectTo(CurrentUser user) {
        return jdbc.sql("SELECT subject FROM mail_outbox WHERE recipient = :r ORDER BY created_at DESC LIMIT 1")
                .param("r", user.email())
                .query(String.class)
                .single();
    }

    @Test
    void theDefaultsAreDutchAndEveryMail() throws Exception {
        CurrentUser me = someone();

        mvc.perform(get("/account/preferences").with(signedIn(me)))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(containsString("value=\"nl\" id=\"language1\" name=\"language\" checked=\"checked\"")))
                .andExpect(content().string(containsString("name=\"workMail\" value=\"true\" checked=\"checked\"")));
        assertThat(mail.send(me.id(), PersonalMail.Kind.WORK, null, "mail/roleChanged", Map.of("change", "x")))
                .isTrue();
        assertThat(lastSubjectTo(me)).isEqualTo("Uw rol in Bolwerk is gewijzigd");
    }

    @Test
    void englishWithoutWorkMailsIsSavedAuditedAndHonoured() throws Exception {
        CurrentUser me = someone();
        long audited = jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE event_type = 'PREFERENCES_CHANGED'")
                .query(Long.class)
                .single();

        mvc.perform(post("/account/preferences")
                        .param("language", "en")
                        .param("_workMail", "on")
                        .with(signedIn(me))
                        .with(csrf()))
                .andExpect(redirectedUrl("/account/preferences"))
                .andExpect(flash().attribute("notice", "preferences.saved"));

        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE event_type = 'PREFERENCES_CHANGED'")
                        .query(Long.class)
                        .single())
                .isEqualTo(audited + 1);
        assertThat(mail.send(me.id(), PersonalMail.Kind.WORK, null, "mail/roleChanged", Map.of("change", "x")))
                .isFalse();
        assertThat(mailsTo(me)).isZero();
        assertThat(mail.send(me.id(), PersonalMail.Kind.ESSENTIAL, null, "mail/roleChanged", Map.of("change", "x")))
                .isTrue();
        assertThat(lastSubjectTo(me)).isEqualTo("Your role in Bolwerk has changed");
    }

    @Test
    void anUnknownLanguageIsRefusedAndNothingChanges() throws Exception {
        CurrentUser me = someone();

        mvc.perform(post("/account/preferences")
                        .param("language", "fr")
                        .param("workMail", "true")
                        .with(signedIn(me))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Kies Nederlands of Engels.")));

        assertThat(jdbc.sql("SELECT COUNT(*) FROM account_preference WHERE user_account_id = :id")
                        .param("id", me.id())
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void thePageNeedsASignedInPerson() throws Exception {
        mvc.perform(get("/account/preferences")).andExpect(status().is3xxRedirection());
        mvc.perform(post("/account/preferences").param("language", "en")).andExpect(status().isForbidden());
    }
}

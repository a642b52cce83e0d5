package be.bolwerk.identity.password;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import be.bolwerk.identity.DemoTotp;
import be.bolwerk.identity.TestAccounts;
import be.bolwerk.identity.token.ApiTokens;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** A forgotten password is reset by e-mail, and the second factor is still required (ASVS 6.4.3). */
@SpringBootTest
@AutoConfigureMockMvc
class PasswordResetTests {

    private static final String OLD = "een lange zin als wachtwoord";
    private static final String NEW = "paarden eten graag wortels in de wei";

    private final MockMvc mvc;
    private final TestAccounts testAccounts;
    private final JdbcClient jdbc;

    PasswordResetTests(@Autowired MockMvc mvc, @Autowired TestAccounts testAccounts, @Autowired JdbcClient jdbc) {
        this.mvc = mvc;
        this.testAccounts = testAccounts;
        this.jdbc = jdbc;
    }

    private String newAccount() {
        return testAccounts.create("vergeten", "Vera Vergeten", OLD).email();
    }

    private List<String> mailedLinks(String email) {
        return jdbc
                .sql("SELECT body FROM mail_outbox WHERE recipient = :r")
                .param("r", email)
                .query(String.class)
                .list()
                .stream()
                .map(body -> {
                    Matcher link = Pattern.compile("/password-reset/([A-Za-z0-9_-]{43})")
                            .matcher(body);
                    return link.find() ? link.group(1) : null;
                })
                .toList();
    }

    @Test
    void theLinkAndTheSecondFactorTogetherSetANewPasswordOnce() throws Exception {
        String email = newAccount();
        mvc.perform(post("/password-reset").param("email", email.toUpperCase()).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Als dit adres bij een account hoort")));
        List<String> links = mailedLinks(email);
        assertThat(links).hasSize(1);
        String token = links.get(0);

        mvc.perform(get("/password-reset/" + token)).andExpect(status().isOk());
        DemoTotp.forgetUsedCodes(jdbc, email);
        mvc.perform(post("/password-reset/" + token)
                        .param("newPassword", NEW)
                        .param("confirmation", NEW)
                        .param("code", "000000")
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Deze code klopt niet of werd al gebruikt.")));
        mvc.perform(formLogin("/login").userParameter("email").user(email).password(OLD))
                .andExpect(authenticated());

        mvc.perform(post("/password-reset/" + token)
                        .param("newPassword", NEW)
                        .param("confirmation", NEW)
                        .param("code", DemoTotp.currentCode())
                        .with(csrf()))
                .andExpect(redirectedUrl("/login?reset"));

        mvc.perform(formLogin("/login").userParameter("email").user(email).password(OLD))
                .andExpect(unauthenticated());
        mvc.perform(formLogin("/login").userParameter("email").user(email).password(NEW))
                .andExpect(authenticated());
        mvc.perform(get("/password-reset/" + token))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("Deze link werkt niet meer")));
    }

    @Test
    void unknownAddressesGetTheSameAnswerAndNoMail() throws Exception {
        String unknown = "niemand-" + UUID.randomUUID() + "@nergens.invalid";
        mvc.perform(post("/password-reset").param("email", unknown).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Als dit adres bij een account hoort")));
        assertThat(mailedLinks(unknown)).isEmpty();
    }

    @Test
    void repeatedRequestsSendOneMailAndExpiredLinksExplainThemselves() throws Exception {
        String email = newAccount();
        for (int i = 0; i < 3; i++) {
            mvc.perform(post("/password-reset").param("email", email).with(csrf()))
                    .andExpect(status().isOk());
        }
        List<String> links = mailedLinks(email);
        assertThat(links).hasSize(1);

        jdbc.sql("UPDATE password_reset SET expires_at = created_at WHERE token_hash = :h")
                .param("h", ApiTokens.hash(links.get(0)))
                .update();
        mvc.perform(post("/password-reset/" + links.get(0))
                        .param("newPassword", NEW)
                        .param("confirmation", NEW)
                        .param("code", DemoTotp.currentCode())
                        .with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(formLogin("/login").userParameter("email").user(email).password(OLD))
                .andExpect(authenticated());
    }
}

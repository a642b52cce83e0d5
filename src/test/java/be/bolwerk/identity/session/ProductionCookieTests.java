package be.bolwerk.identity.session;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;

import be.bolwerk.identity.signin.SecurityTests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/** With the production cookie setting, over HTTPS: __Host- cookies that are Secure, and HSTS. */
@SpringBootTest(properties = "server.servlet.session.cookie.secure=true")
@AutoConfigureMockMvc
class ProductionCookieTests {

    private final MockMvc mvc;

    ProductionCookieTests(@Autowired MockMvc mvc) {
        this.mvc = mvc;
    }

    @Test
    void sessionCookieIsSecureHostOnlyHttpOnlyAndLax() throws Exception {
        mvc.perform(post("/login")
                        .secure(true)
                        .param("email", "lezer@appelkerke.invalid")
                        .param("password", SecurityTests.DEMO_PASSWORD)
                        .with(csrf()))
                .andExpect(header().string(
                                "Set-Cookie",
                                allOf(
                                        containsString("__Host-BOLWERK_SESSION="),
                                        containsString("Path=/"),
                                        containsString("Secure"),
                                        containsString("HttpOnly"),
                                        containsString("SameSite=Lax"))));
    }

    @Test
    void languageCookieIsSecureAndEveryHttpsAnswerCarriesHsts() throws Exception {
        mvc.perform(get("/login").secure(true).param("lang", "en"))
                .andExpect(header().string(
                                "Set-Cookie",
                                allOf(containsString("__Host-BOLWERK_LANG=en"), containsString("Secure"))))
                .andExpect(header().string(
                                "Strict-Transport-Security",
                                allOf(containsString("max-age=31536000"), containsString("includeSubDomains"))));
    }
}

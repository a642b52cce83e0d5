package be.bolwerk.identity;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import be.bolwerk.identity.session.AccountSessions;
import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Signs in through MockMvc the way a person does — password, then the demo authenticator's code — and returns
 * the session cookie (Spring Session finds the session by it; MockMvc keeps no cookies by itself). The account
 * must use the demo authenticator secret.
 */
public final class SignIn {

    public static final String COOKIE = "BOLWERK_SESSION";

    private SignIn() {}

    /** Only the password step: the session knows who, but every page still asks for the second factor. */
    public static Cookie passwordOnly(MockMvc mvc, String email, String password) throws Exception {
        return mvc.perform(
                        formLogin("/login").userParameter("email").user(email).password(password))
                .andReturn()
                .getResponse()
                .getCookie(COOKIE);
    }

    public static Cookie bothSteps(MockMvc mvc, JdbcClient jdbc, String email, String password) throws Exception {
        Cookie session = passwordOnly(mvc, email, password);
        DemoTotp.forgetUsedCodes(jdbc, email);
        MockHttpServletResponse second = mvc.perform(post("/mfa/code")
                        .param("code", DemoTotp.currentCode())
                        .cookie(session)
                        .with(csrf()))
                .andReturn()
                .getResponse();
        if (second.getRedirectedUrl() == null || second.getRedirectedUrl().startsWith("/mfa")) {
            throw new AssertionError("second sign-in step refused for " + email);
        }
        Cookie renewed = second.getCookie(COOKIE);
        return renewed != null ? renewed : session;
    }

    /** The handle by which "my sessions" names the session of this cookie (the id itself is never shown). */
    public static String sessionHandle(ApplicationContext context, Cookie session) {
        String id = new String(Base64.getDecoder().decode(session.getValue()), StandardCharsets.UTF_8);
        return context.getBean(AccountSessions.class).handleOf(id);
    }
}

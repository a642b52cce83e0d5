package be.bolwerk;

import static be.bolwerk.TestUsers.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import be.bolwerk.shared.security.CurrentUser;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * A form sent with mistakes, as the house rule wants it answered: the same page again (200, nothing saved), a
 * Dutch sentence per mistake, and every field as the person typed it. One place for what each form's web test
 * asked in the same words.
 */
public final class TypedForms {

    private TypedForms() {}

    /**
     * Posts {@code typed} to {@code path} as {@code user} (with a CSRF token) and checks the answer: status 200,
     * each of {@code messages} on the page, and {@code value="…"} for each of {@code kept}. The page, for what a
     * test checks beyond that.
     */
    public static String refusedKeepingWhatWasTyped(
            MockMvc mvc,
            CurrentUser user,
            String path,
            Map<String, String> typed,
            List<String> messages,
            List<String> kept)
            throws Exception {
        MockHttpServletRequestBuilder form = post(path).with(signedIn(user)).with(csrf());
        typed.forEach(form::param);
        MockHttpServletResponse response = mvc.perform(form).andReturn().getResponse();
        String page = response.getContentAsString(StandardCharsets.UTF_8);
        assertThat(response.getStatus()).as("the form comes back").isEqualTo(200);
        assertThat(page).as("a sentence per mistake").contains(messages);
        assertThat(page)
                .as("what was typed is kept")
                .contains(kept.stream().map(value -> "value=\"" + value + "\"").toList());
        return page;
    }
}

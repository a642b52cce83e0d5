package be.bolwerk.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.util.Map;
import org.apache.tomcat.util.http.fileupload.impl.SizeLimitExceededException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Control characters (a NUL above all, which PostgreSQL refuses in text) are stopped at the door: in request
 * parameters by the filter, before even the sign-in reads them, and in JSON bodies by the mapper.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ControlCharacterTests {

    private final MockMvc mvc;
    private final JsonMapper mapper;
    private final ControlCharacterFilter filter;

    ControlCharacterTests(
            @Autowired MockMvc mvc, @Autowired JsonMapper mapper, @Autowired ControlCharacterFilter filter) {
        this.mvc = mvc;
        this.mapper = mapper;
        this.filter = filter;
    }

    /** A multipart body over the limit, as Tomcat reports it when the parameters are first read. */
    private static MockHttpServletRequest overTheLimit(String path) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", path) {
            @Override
            public Map<String, String[]> getParameterMap() {
                throw new IllegalStateException(new SizeLimitExceededException("over", 21L << 20, 20L << 20));
            }
        };
        request.setCookies(new Cookie("BOLWERK_LANG", "en"));
        return request;
    }

    /** The refusal written before MVC runs still speaks the reader's language (the real 413 is ErrorPagesTests). */
    @Test
    void anUploadOverTheLimitIsRefusedInTheReadersLanguage() throws Exception {
        MockHttpServletResponse page = new MockHttpServletResponse();
        filter.doFilter(overTheLimit("/frameworks/imports"), page, new MockFilterChain());

        assertThat(page.getStatus()).isEqualTo(413);
        assertThat(page.getContentAsString())
                .contains("<html lang=\"en\">", "File too large", "Nothing was stored.", "Go to the home page")
                .doesNotContain("Bestand", "opgeslagen");

        MockHttpServletResponse problem = new MockHttpServletResponse();
        filter.doFilter(overTheLimit("/api/v1/anything"), problem, new MockFilterChain());

        assertThat(problem.getStatus()).isEqualTo(413);
        assertThat(problem.getContentType()).startsWith("application/problem+json");
        assertThat(problem.getContentAsString()).contains("\"title\":\"File too large\"", "\"status\":413");
    }

    record Named(String name) {}

    @Test
    void aParameterWithANulIsABadRequestBeforeSignInReadsIt() throws Exception {
        mvc.perform(post("/login")
                        .param("email", "iso@appelkerke.invalid\u0000")
                        .param("password", "x")
                        .with(csrf()))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/login").param("q\u0001", "x")).andExpect(status().isBadRequest());
    }

    @Test
    void tabsAndLineBreaksStayAllowed() throws Exception {
        mvc.perform(get("/login").param("note", "een\tzin\r\nnog een")).andExpect(status().isOk());
    }

    @Test
    void theApplicationMapperRefusesControlCharactersInJsonStrings() {
        assertThat(mapper.readValue("{\"name\":\"Gemeente Appelkerke\\n\"}", Named.class)
                        .name())
                .isEqualTo("Gemeente Appelkerke\n");
        assertThatThrownBy(() -> mapper.readValue("{\"name\":\"Appel\\u0000kerke\"}", Named.class))
                .isInstanceOf(DatabindException.class)
                .hasMessageContaining("control characters");
    }

    @Test
    void theRuleItself() {
        assertThat(ControlCharacterFilter.containsForbidden("gewone tekst ë€")).isFalse();
        assertThat(ControlCharacterFilter.containsForbidden("a\u0000b")).isTrue();
        assertThat(ControlCharacterFilter.containsForbidden("a\u001bb")).isTrue();
        assertThat(ControlCharacterFilter.containsForbidden("a\u007fb")).isTrue();
    }
}

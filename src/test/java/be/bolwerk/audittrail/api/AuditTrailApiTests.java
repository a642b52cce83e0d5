package be.bolwerk.audittrail.api;

import static be.bolwerk.TestUsers.signedIn;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import be.bolwerk.TestUsers;
import be.bolwerk.identity.event.ApiTokenCreated;
import be.bolwerk.shared.security.CurrentUser;
import be.bolwerk.shared.security.Persona;
import jakarta.servlet.http.Cookie;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The audit trail's rows through the API: the details as a sentence in the reader's language (the language
 * cookie, Dutch by default, as for every answer of Bolwerk), the ids of what the row is about beside it, never
 * the stored key; platform admins only.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AuditTrailApiTests {

    private final MockMvc mvc;
    private final ApplicationEventPublisher events;
    private final CurrentUser admin = TestUsers.persona(Persona.PLATFORM_ADMIN);

    AuditTrailApiTests(@Autowired MockMvc mvc, @Autowired ApplicationEventPublisher events) {
        this.mvc = mvc;
        this.events = events;
    }

    @Test
    void rowsReadInTheLanguageOfTheRequestWithTheirIdsBeside() throws Exception {
        UUID token = UUID.randomUUID();
        events.publishEvent(new ApiTokenCreated(UUID.randomUUID(), token, "WRITE"));

        mvc.perform(get("/api/v1/audit-trail/events")
                        .param("type", "TOKEN_CREATED")
                        .param("size", "10")
                        .with(signedIn(admin)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].type").value("TOKEN_CREATED"))
                .andExpect(jsonPath("$.items[0].details").value("API-sleutel gemaakt die mag: Lezen en wijzigen"))
                .andExpect(jsonPath("$.items[0].ids.token").value(token.toString()))
                .andExpect(jsonPath("$.size").value(10));

        mvc.perform(get("/api/v1/audit-trail/events")
                        .param("type", "TOKEN_CREATED")
                        .cookie(new Cookie("BOLWERK_LANG", "en"))
                        .with(signedIn(admin)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].details").value("API key created that may: Read and change"))
                .andExpect(jsonPath("$.items[0].ids.token").value(token.toString()))
                .andExpect(content().string(not(containsString("audit.detail."))))
                .andExpect(content().string(not(containsString("tokens.scope."))));
    }

    @Test
    void filtersAreTheOnesOfThePageAndAMalformedOneIsA400() throws Exception {
        mvc.perform(get("/api/v1/audit-trail/events")
                        .param("organisation", UUID.randomUUID().toString())
                        .with(signedIn(admin)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items", hasSize(0)))
                .andExpect(jsonPath("$.total").value(0));
        mvc.perform(get("/api/v1/audit-trail/events")
                        .param("type", "NO_SUCH_TYPE")
                        .with(signedIn(admin)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        mvc.perform(get("/api/v1/audit-trail/events").param("from", "gisteren").with(signedIn(admin)))
                .andExpect(status().isBadRequest());
    }

    @Test
    void theRowsAreForPlatformAdminsOnly() throws Exception {
        mvc.perform(get("/api/v1/audit-trail/events").with(signedIn(TestUsers.programmeOfficer())))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/audit-trail/events")).andExpect(status().isUnauthorized());
    }
}

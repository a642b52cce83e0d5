package be.bolwerk.shared;

import static be.bolwerk.TestUsers.signedIn;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import be.bolwerk.TestUsers;
import jakarta.servlet.RequestDispatcher;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** The error dispatch as the container would make it after an unexpected exception. */
@SpringBootTest
@AutoConfigureMockMvc
class ErrorPageControllerTests {

    private final MockMvc mvc;

    ErrorPageControllerTests(@Autowired MockMvc mvc) {
        this.mvc = mvc;
    }

    @Test
    void anUnreachableDatabaseIsA503WithADutchPageAndAProblemForTheApi() throws Exception {
        var outage = new org.springframework.jdbc.CannotGetJdbcConnectionException(
                "Failed to obtain JDBC Connection", new java.sql.SQLTransientConnectionException("pool timeout"));
        mvc.perform(get("/error")
                        .requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 500)
                        .requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/organisations")
                        .requestAttr(RequestDispatcher.ERROR_EXCEPTION, outage)
                        .with(signedIn(TestUsers.programmeOfficer())))
                .andExpect(status().isServiceUnavailable())
                .andExpect(content()
                        .string(allOf(
                                containsString("Tijdelijk niet beschikbaar"), not(containsString("pool timeout")))));
        mvc.perform(get("/error")
                        .requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 500)
                        .requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/api/v1/organisations")
                        .requestAttr(RequestDispatcher.ERROR_EXCEPTION, new jakarta.servlet.ServletException(outage))
                        .with(signedIn(TestUsers.programmeOfficer())))
                .andExpect(status().isServiceUnavailable())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Tijdelijk niet beschikbaar"));
    }

    @Test
    void serverErrorOnAPageShowsADutchPageWithoutTechnicalDetail() throws Exception {
        mvc.perform(get("/error")
                        .requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 500)
                        .requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/organisations")
                        .requestAttr(RequestDispatcher.ERROR_EXCEPTION, new IllegalStateException("secret detail"))
                        .with(signedIn(TestUsers.programmeOfficer())))
                .andExpect(status().isInternalServerError())
                .andExpect(content()
                        .string(allOf(
                                containsString("Er ging iets mis"),
                                not(containsString("secret detail")),
                                not(containsString("IllegalStateException")))));
    }

    @Test
    void serverErrorInTheApiIsAProblemWithoutTechnicalDetail() throws Exception {
        mvc.perform(get("/error")
                        .requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 500)
                        .requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/api/v1/organisations")
                        .requestAttr(RequestDispatcher.ERROR_EXCEPTION, new IllegalStateException("secret detail"))
                        .with(signedIn(TestUsers.programmeOfficer())))
                .andExpect(status().isInternalServerError())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Interne fout"))
                .andExpect(content().string(not(containsString("secret detail"))));
    }

    @Test
    void forbiddenShowsTheDutchNoAccessPage() throws Exception {
        mvc.perform(get("/error")
                        .requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 403)
                        .requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/organisations/new")
                        .with(signedIn(TestUsers.programmeOfficer())))
                .andExpect(status().isForbidden())
                .andExpect(content().string(containsString("Geen toegang")));
    }
}

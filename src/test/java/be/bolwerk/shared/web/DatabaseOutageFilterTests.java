package be.bolwerk.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.MessageSource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.servlet.LocaleResolver;
import org.thymeleaf.ITemplateEngine;
import tools.jackson.databind.json.JsonMapper;

/**
 * The outage filter on its own, on both databases: whatever the database failure is wrapped in (Spring
 * Session's load, a servlet exception from MVC), the answer is a 503 that needs nothing from the database. The
 * real outage, with PostgreSQL stopped, is {@code DatabaseOutageTests}.
 */
@SpringBootTest
class DatabaseOutageFilterTests {

    private final DatabaseOutageFilter filter;

    DatabaseOutageFilterTests(
            @Autowired ITemplateEngine templates,
            @Autowired LocaleResolver locales,
            @Autowired JsonMapper json,
            @Autowired MessageSource messages) {
        this.filter = new DatabaseOutageFilter(templates, locales, json, messages);
    }

    private static MockFilterChain failingWith(Exception failure) {
        return new MockFilterChain(new HttpServlet() {
            @Override
            protected void service(
                    jakarta.servlet.http.HttpServletRequest req, jakarta.servlet.http.HttpServletResponse resp)
                    throws ServletException {
                if (failure instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw (ServletException) failure;
            }
        });
    }

    private static Exception outage() {
        return new CannotGetJdbcConnectionException(
                "Failed to obtain JDBC Connection", new SQLTransientConnectionException("secret host:5432"));
    }

    @Test
    void aPageGetsA503InDutchWithoutTechnicalDetail() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();

        filter.doFilter(new MockHttpServletRequest("GET", "/organisations"), response, failingWith(outage()));

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getContentType()).startsWith("text/html");
        assertThat(response.getContentAsString())
                .contains("Tijdelijk niet beschikbaar", "databank")
                .doesNotContain("secret host", "Exception");
        assertThat(response.getHeader("Content-Security-Policy")).contains("default-src 'none'");
        assertThat(response.getHeader("Cache-Control")).isEqualTo("no-store");
    }

    @Test
    void theApiGetsAProblemAlsoWhenMvcWrappedTheFailure() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();

        filter.doFilter(
                new MockHttpServletRequest("GET", "/api/v1/organisations"),
                response,
                failingWith(new ServletException("Request processing failed", outage())));

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(response.getContentAsString()).contains("\"status\":503", "Tijdelijk niet beschikbaar");
    }

    /** The problem comes from the bundles like every other: the language cookie makes it English. */
    @Test
    void anEnglishApiCallerGetsTheProblemInEnglish() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/organisations");
        request.setCookies(new Cookie("BOLWERK_LANG", "en"));
        MockHttpServletResponse response = new MockHttpServletResponse();

        filter.doFilter(request, response, failingWith(outage()));

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getContentAsString())
                .contains("\"title\":\"Temporarily unavailable\"", "database cannot be reached")
                .doesNotContain("Tijdelijk", "secret host");
    }

    /**
     * What PostgreSQL stopping in the middle of a session lookup really throws: the statement fails on a pooled
     * connection that was handed out unchecked, and the rollback on that connection fails as well.
     */
    @Test
    void aFailedRollbackAfterALostConnectionIsAnOutageToo() throws Exception {
        TransactionSystemException rollback =
                new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed"));
        rollback.initApplicationException(new DataAccessResourceFailureException(
                "PreparedStatementCallback", new SQLException("An I/O error occurred", "08006")));
        MockHttpServletResponse response = new MockHttpServletResponse();

        filter.doFilter(new MockHttpServletRequest("GET", "/organisations"), response, failingWith(rollback));

        assertThat(response.getStatus()).isEqualTo(503);
    }

    @Test
    void otherFailuresAreLeftToTheErrorPage() {
        assertThatThrownBy(() -> filter.doFilter(
                        new MockHttpServletRequest("GET", "/organisations"),
                        new MockHttpServletResponse(),
                        failingWith(new IllegalStateException("bug"))))
                .isInstanceOf(IllegalStateException.class);
    }
}

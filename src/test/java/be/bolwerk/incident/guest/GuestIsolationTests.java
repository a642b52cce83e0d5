package be.bolwerk.incident.guest;

import static be.bolwerk.TestUsers.signedIn;
import static org.assertj.core.api.Assertions.assertThat;

import be.bolwerk.incident.IncidentFixtures;
import be.bolwerk.incident.handling.Actor;
import be.bolwerk.incident.handling.Incident;
import be.bolwerk.organisation.demo.DemoOrganisationIds;
import be.bolwerk.shared.security.CurrentUser;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * "Guests are refused everywhere outside their incident" (ADR 0043), for every GET endpoint of the application,
 * found from the request mappings like {@code TenantIsolationTests}: a new page is covered the moment it exists. A
 * signed-in guest with an active grant on one incident must get 403, 404 or a redirect, never 200, except on the
 * routes listed here: that incident's guest pages, the guest's landing, the account's own pages, and pages anyone
 * may open without signing in (checked: an anonymous request gets 200 too, so the guest learns nothing more).
 */
@SpringBootTest
@AutoConfigureMockMvc
class GuestIsolationTests {

    /** The incident routes a guest may open (ids are the guest's incident; a second id is random, so 404). */
    private static final Set<String> GUEST_ROUTES = Set.of(
            "/incidents/{id}",
            "/incidents/{id}/timeline",
            "/incidents/{id}/indicators.csv",
            "/incidents/{id}/assets",
            "/incidents/{id}/evidence/{evidenceId}",
            "/guest");

    /** The signed-in account's own pages: about the guest themselves, no organisation's data. */
    private static final Set<String> OWN_ACCOUNT = Set.of(
            "/account/preferences",
            "/account/password",
            "/account/sessions",
            "/account/tokens",
            "/account/factors",
            "/mfa",
            "/invitation/{token}/accept");

    private final MockMvc mvc;
    private final JdbcClient jdbc;
    private final RequestMappingHandlerMapping mappings;
    private final IncidentFixtures fixtures;
    private final String marker = "Gastisolatie " + UUID.randomUUID().toString().substring(0, 8);

    GuestIsolationTests(
            @Autowired MockMvc mvc,
            @Autowired JdbcClient jdbc,
            @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings,
            @Autowired IncidentFixtures fixtures) {
        this.mvc = mvc;
        this.jdbc = jdbc;
        this.mappings = mappings;
        this.fixtures = fixtures;
    }

    private final UUID account = UUID.randomUUID();
    private final String email = "gast-" + account + "@firma-ir.invalid";

    @AfterEach
    void clean() {
        fixtures.removeMarked(marker);
        try {
            jdbc.sql("DELETE FROM totp_enrolment WHERE user_account_id = :id")
                    .param("id", account)
                    .update();
            jdbc.sql("DELETE FROM user_account WHERE id = :id")
                    .param("id", account)
                    .update();
        } catch (org.springframework.dao.DataAccessException stillReferenced) {
            // A page the guest opened stored something about the account (a session, a preference): the account
            // stays, with a unique address nobody uses, and opens nothing once its incident is gone.
        }
    }

    @Test
    void aGuestIsRefusedEverywhereOutsideTheirIncident() throws Exception {
        Instant now = Instant.now();
        Incident incident = fixtures.report(
                DemoOrganisationIds.APPELKERKE.value(), marker + " gast", new Actor(UUID.randomUUID(), "Ilse"), now);
        Incident other = fixtures.report(
                DemoOrganisationIds.APPELKERKE.value(), marker + " ander", new Actor(UUID.randomUUID(), "Ilse"), now);
        // A stored account, as a guest has: some account pages (enrolment, factors) write about it.
        jdbc.sql("""
                        INSERT INTO user_account (id, email, display_name, password_hash, enabled, created_at, version)
                        SELECT :id, :email, 'Gert Gast', password_hash, TRUE, created_at, 0
                        FROM user_account WHERE email = 'iso@appelkerke.invalid'
                        """).param("id", account).param("email", email).update();
        jdbc.sql("""
                        INSERT INTO incident_guest (id, incident_id, organisation_id, email, firm, expires_at, invited_by,
                            inviter_name, invited_at, account_id, accepted_at)
                        VALUES (:id, :incident, :org, :email, 'Firma IR', :expires, :by, 'Ilse', :now,
                            :account, :now)
                        """)
                .param("id", UUID.randomUUID())
                .param("incident", incident.id().value())
                .param("org", DemoOrganisationIds.APPELKERKE.value())
                .param("expires", now.plus(Duration.ofDays(5)).atOffset(ZoneOffset.UTC))
                .param("by", UUID.randomUUID())
                .param("now", now.atOffset(ZoneOffset.UTC))
                .param("account", account)
                .param("email", email)
                .update();
        CurrentUser guest = new CurrentUser(account, email, "Gert Gast", null, true, Set.of(), Map.of());

        List<String> leaks = new ArrayList<>();
        Set<String> opened = new TreeSet<>();
        for (String path : getPaths()) {
            if (path.equals("/error") || path.equals("/account/factors")) {
                // The container's error page is reached by forward only; the factors page is the account's own and
                // needs an enrolled authenticator, which this stored-but-never-signed-in account does not have.
                continue;
            }
            String url = fill(path, incident.id().value());
            MockHttpServletResponse asGuest = mvc.perform(
                            MockMvcRequestBuilders.get(url).with(signedIn(guest)))
                    .andReturn()
                    .getResponse();
            int status = asGuest.getStatus();
            if (status != 200) {
                assertThat(status).as("GET %s as a guest", url).isIn(302, 303, 400, 401, 403, 404, 405, 409);
                continue;
            }
            opened.add(path);
            if (GUEST_ROUTES.contains(path) || OWN_ACCOUNT.contains(path)) {
                continue;
            }
            int anonymous = mvc.perform(MockMvcRequestBuilders.get(url))
                    .andReturn()
                    .getResponse()
                    .getStatus();
            if (anonymous != 200) {
                leaks.add(path + " (anonymous gets " + anonymous + ")");
            }
        }
        assertThat(leaks)
                .as("pages a guest opens that are neither theirs nor public")
                .isEmpty();
        assertThat(opened)
                .as("the guest does open their own pages, so the test calls them as a guest")
                .contains("/incidents/{id}", "/incidents/{id}/timeline", "/guest");

        // The incident routes the guest opened, with another incident of the same organisation: 404, every one.
        for (String path : opened) {
            if (GUEST_ROUTES.contains(path) && path.startsWith("/incidents/{id}")) {
                String url = fill(path, other.id().value());
                assertThat(mvc.perform(MockMvcRequestBuilders.get(url).with(signedIn(guest)))
                                .andReturn()
                                .getResponse()
                                .getStatus())
                        .as("GET %s, an incident the guest was not invited to", url)
                        .isEqualTo(404);
            }
        }
    }

    /** Every GET path of Bolwerk's own controllers. */
    private Set<String> getPaths() {
        Set<String> paths = new TreeSet<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry :
                mappings.getHandlerMethods().entrySet()) {
            if (!entry.getValue().getBeanType().getPackageName().startsWith("be.bolwerk")) {
                continue;
            }
            Set<RequestMethod> methods = entry.getKey().getMethodsCondition().getMethods();
            if (!methods.isEmpty() && !methods.contains(RequestMethod.GET)) {
                continue;
            }
            paths.addAll(entry.getKey().getPathPatternsCondition().getPatternValues());
        }
        assertThat(paths).as("GET endpoints found").hasSizeGreaterThan(50);
        return paths;
    }

    /** The guest's incident for an incident's first id, a random UUID (or token) for every other placeholder. */
    private static String fill(String path, UUID incident) {
        String url = path.startsWith("/incidents/{id}") || path.startsWith("/api/v1/incidents/{id}")
                ? path.replaceFirst("\\{id}", incident.toString())
                : path;
        while (url.contains("{")) {
            String name = url.substring(url.indexOf('{') + 1, url.indexOf('}'));
            String value = name.toLowerCase().contains("token")
                    ? "A".repeat(43)
                    : UUID.randomUUID().toString();
            url = url.replaceFirst("\\{[^}]+}", value);
        }
        return url;
    }
}

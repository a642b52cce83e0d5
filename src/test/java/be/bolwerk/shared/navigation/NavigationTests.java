package be.bolwerk.shared.navigation;

import static be.bolwerk.TestUsers.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import be.bolwerk.TestUsers;
import be.bolwerk.shared.security.CurrentUser;
import be.bolwerk.shared.security.OrganisationRole;
import be.bolwerk.shared.security.Persona;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The main menu shows each persona exactly the items it may use, and the menu's role lists agree with the
 * {@code @PreAuthorize} rules of the pages they lead to.
 */
@SpringBootTest
@AutoConfigureMockMvc
class NavigationTests {

    private static final Pattern NAV = Pattern.compile("<nav class=\"main-nav\"[^>]*>(.*?)</nav>", Pattern.DOTALL);
    private static final Pattern LINK = Pattern.compile("<a href=\"([^\"]*)\"([^>]*)>([^<]*)</a>");
    private static final Pattern ROLE = Pattern.compile("'([A-Z_]+)'");

    private final MockMvc mvc;
    private final RequestMappingHandlerMapping mappings;

    NavigationTests(
            @Autowired MockMvc mvc,
            @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings) {
        this.mvc = mvc;
        this.mappings = mappings;
    }

    @Test
    void programmeOfficerSeesOrganisationsAndTheProgrammeOverview() throws Exception {
        assertThat(menuOf(TestUsers.persona(Persona.PROGRAMME_OFFICER)))
                .containsExactly(
                        "/",
                        "/organisations",
                        "/programme/assessments",
                        "/campaigns",
                        "/budget",
                        "/audits",
                        "/frameworks",
                        "/engagements",
                        "/findings/sla",
                        "/findings/programme",
                        "/incidents/dashboard",
                        "/emergency-support");
    }

    @Test
    void platformAdminSeesTheAdministrationPages() throws Exception {
        assertThat(menuOf(TestUsers.persona(Persona.PLATFORM_ADMIN)))
                .containsExactly(
                        "/", "/organisations", "/frameworks", "/admin/users", "/admin/audit", "/admin/mailbox");
    }

    @Test
    void crtAnalystSeesOrganisations() throws Exception {
        assertThat(menuOf(TestUsers.persona(Persona.CRT_ANALYST)))
                .containsExactly(
                        "/",
                        "/organisations",
                        "/frameworks",
                        "/incidents",
                        "/incidents/dashboard",
                        "/emergency-support");
    }

    @Test
    void personasWithoutOrganisationWorkSeeOnlyStartAndFrameworks() throws Exception {
        for (Persona persona : List.of(Persona.TOOLKIT_EDITOR)) {
            assertThat(menuOf(TestUsers.persona(persona))).as(persona.name()).containsExactly("/", "/frameworks");
        }
        // An auditor's work is the audits given to their firm.
        assertThat(menuOf(TestUsers.persona(Persona.AUDITOR))).containsExactly("/", "/audits", "/frameworks");
        // The college's people find their engagements (ethical hacking) and nothing of any organisation.
        for (Persona persona : List.of(Persona.HACKING_SUPERVISOR, Persona.STUDENT)) {
            assertThat(menuOf(TestUsers.persona(persona)))
                    .as(persona.name())
                    .containsExactly("/", "/frameworks", "/engagements");
        }
    }

    @Test
    void organisationAdminSeesSelfEvaluationsAndMembers() throws Exception {
        assertThat(menuOf(TestUsers.member(UUID.randomUUID(), OrganisationRole.ORGANISATION_ADMIN)))
                .containsExactly(
                        "/",
                        "/organisations",
                        "/assessments",
                        "/audits",
                        "/frameworks",
                        "/engagements",
                        "/findings",
                        "/findings/risk-acceptances",
                        "/findings/sla",
                        "/incidents",
                        "/incidents/new",
                        "/members");
    }

    @Test
    void membersAndViewersSeeSelfEvaluationsButNotMembers() throws Exception {
        for (OrganisationRole role : List.of(OrganisationRole.MEMBER, OrganisationRole.VIEWER)) {
            assertThat(menuOf(TestUsers.member(UUID.randomUUID(), role)))
                    .as(role.name())
                    .containsExactly(
                            "/",
                            "/organisations",
                            "/assessments",
                            "/audits",
                            "/frameworks",
                            "/engagements",
                            "/findings",
                            "/findings/risk-acceptances",
                            "/incidents",
                            "/incidents/new");
        }
    }

    @Test
    void theCurrentPageIsMarkedAndTheNameShown() throws Exception {
        String page = frameworksPageOfTheAuditor("nl");
        assertThat(navigationIn(page))
                .contains("<a href=\"/frameworks\" aria-current=\"page\">Raamwerken</a>")
                .contains("<a href=\"/\">Start</a>");
        assertThat(page).contains("<span class=\"whoami\">Test AUDITOR</span>");
    }

    @Test
    void theMenuSpeaksTheLanguageThePageIsSwitchedTo() throws Exception {
        assertThat(navigationIn(frameworksPageOfTheAuditor("en")))
                .contains("<a href=\"/frameworks\" aria-current=\"page\">Frameworks</a>")
                .contains("<a href=\"/\">Home</a>");
    }

    private String frameworksPageOfTheAuditor(String language) throws Exception {
        return page("/frameworks?lang=" + language, TestUsers.persona(Persona.AUDITOR));
    }

    private static String navigationIn(String page) {
        Matcher nav = NAV.matcher(page);
        assertThat(nav.find()).as("the main navigation").isTrue();
        return nav.group(1);
    }

    /** The buttons the list pages show to some roles only, decided by the same navigation model. */
    @Test
    void roleBoundButtonsOnTheListsFollowTheRoles() throws Exception {
        CurrentUser officer = TestUsers.persona(Persona.PROGRAMME_OFFICER);
        CurrentUser editor = TestUsers.persona(Persona.TOOLKIT_EDITOR);
        CurrentUser member = TestUsers.member(UUID.randomUUID(), OrganisationRole.ORGANISATION_ADMIN);
        assertThat(page("/organisations", officer)).contains("href=\"/organisations/new\"");
        assertThat(page("/organisations", member)).doesNotContain("href=\"/organisations/new\"");
        assertThat(page("/frameworks", editor)).contains("action=\"/frameworks/imports\"");
        assertThat(page("/frameworks", officer)).contains("action=\"/frameworks/imports\"");
        assertThat(page("/frameworks", member)).doesNotContain("action=\"/frameworks/imports\"");
    }

    @Test
    void nobodySignedInSeesNoMenu() throws Exception {
        String page = mvc.perform(get("/login"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).doesNotContain("main-nav").doesNotContain("class=\"logout\"");
    }

    /** Before the second factor every page leads back to /mfa, so the menu offers nothing but signing out. */
    @Test
    void beforeTheSecondFactorTheMenuIsEmpty() {
        CurrentUser officer = TestUsers.persona(Persona.PROGRAMME_OFFICER);
        List<GrantedAuthority> passwordOnly = new ArrayList<>(officer.getAuthorities());
        passwordOnly.add(FactorGrantedAuthority.fromAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY));

        Navigation firstStep =
                Navigation.of(UsernamePasswordAuthenticationToken.authenticated(officer, null, passwordOnly), "/mfa");
        Navigation bothSteps = Navigation.of(TestUsers.fullySignedIn(officer), "/mfa");

        assertThat(firstStep.complete()).isFalse();
        assertThat(firstStep.items()).isEmpty();
        assertThat(firstStep.person()).isEqualTo(officer.displayName());
        assertThat(bothSteps.complete()).isTrue();
        assertThat(bothSteps.items()).extracting(Navigation.Item::href).contains("/", "/organisations");
    }

    /** Where the page guards itself with @PreAuthorize, the menu shows its link to exactly those roles. */
    @Test
    void menuRolesAreTheRolesThePagesAllow() {
        int compared = 0;
        for (MenuItem item : MenuItem.values()) {
            HandlerMethod handler = handlerOf(item.path);
            PreAuthorize rule = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), PreAuthorize.class);
            if (rule == null) {
                rule = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), PreAuthorize.class);
            }
            if (rule == null) {
                continue;
            }
            Set<String> allowed = new TreeSet<>();
            Matcher role = ROLE.matcher(rule.value());
            while (role.find()) {
                allowed.add("ROLE_" + role.group(1));
            }
            assertThat(new TreeSet<>(item.roles)).as(item.name()).isEqualTo(allowed);
            compared++;
        }
        assertThat(compared)
                .as("menu items whose page has a @PreAuthorize rule")
                .isEqualTo(14);
    }

    @Test
    void everyMenuLabelIsTranslated() throws IOException {
        for (String bundle : List.of("/messages.properties", "/messages_en.properties")) {
            Properties messages = new Properties();
            try (InputStream in = getClass().getResourceAsStream(bundle)) {
                messages.load(in);
            }
            Set<String> labels =
                    MenuItem.inOrder().map(item -> item.label).collect(Collectors.toCollection(TreeSet::new));
            assertThat(messages.stringPropertyNames()).as(bundle).containsAll(labels);
        }
    }

    private String page(String path, CurrentUser user) throws Exception {
        return mvc.perform(get(path).with(signedIn(user)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    private List<String> menuOf(CurrentUser user) throws Exception {
        List<String> hrefs = new ArrayList<>();
        Matcher link = LINK.matcher(navigationIn(page("/frameworks", user)));
        while (link.find()) {
            hrefs.add(link.group(1));
        }
        return hrefs;
    }

    private HandlerMethod handlerOf(String path) {
        return mappings.getHandlerMethods().entrySet().stream()
                .filter(entry -> entry.getKey().getPatternValues().contains(path))
                .filter(entry -> entry.getKey()
                                .getMethodsCondition()
                                .getMethods()
                                .isEmpty()
                        || entry.getKey().getMethodsCondition().getMethods().contains(RequestMethod.GET))
                .map(java.util.Map.Entry::getValue)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no page for menu item " + path));
    }
}

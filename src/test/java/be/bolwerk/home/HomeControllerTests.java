package be.bolwerk.home;

import static be.bolwerk.TestUsers.signedIn;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import be.bolwerk.TestUsers;
import be.bolwerk.organisation.demo.DemoOrganisationIds;
import be.bolwerk.shared.security.OrganisationRole;
import be.bolwerk.shared.security.Persona;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/** Each persona lands on a home page with the real data it may see, and nothing more. */
@SpringBootTest
@AutoConfigureMockMvc
class HomeControllerTests {

    private final MockMvc mvc;

    HomeControllerTests(@Autowired MockMvc mvc) {
        this.mvc = mvc;
    }

    @Test
    void programmeOfficerSeesTheProgrammeAtAGlance() throws Exception {
        mvc.perform(get("/").with(signedIn(TestUsers.programmeOfficer())))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("Organisaties in het programma"),
                                containsString("data-chart=\"bar\""),
                                containsString("Politiezone"),
                                containsString("Programmabeheerder"))));
    }

    @Test
    void organisationAdminSeesTheirOrganisationOnly() throws Exception {
        mvc.perform(get("/").with(signedIn(
                        TestUsers.member(DemoOrganisationIds.APPELKERKE.value(), OrganisationRole.ORGANISATION_ADMIN))))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("Gemeente Appelkerke"),
                                containsString("Beheerder van de organisatie bij Gemeente Appelkerke"),
                                not(containsString("Organisaties in het programma")))));
    }

    @Test
    void auditorWithoutAssignmentsSeesTheirAccountAndAClearEmptyState() throws Exception {
        mvc.perform(get("/").with(signedIn(TestUsers.persona(Persona.AUDITOR))))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("Uw account"),
                                containsString("Nog geen organisaties"),
                                not(containsString("Organisaties in het programma")),
                                not(containsString("href=\"/organisations\"")))));
    }
}

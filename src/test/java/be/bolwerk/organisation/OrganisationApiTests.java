package be.bolwerk.organisation;

import static be.bolwerk.TestUsers.signedIn;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import be.bolwerk.TestUsers;
import be.bolwerk.organisation.demo.DemoOrganisationIds;
import be.bolwerk.shared.security.CurrentUser;
import be.bolwerk.shared.security.OrganisationRole;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
class OrganisationApiTests {

    private final MockMvc mvc;

    OrganisationApiTests(@Autowired MockMvc mvc) {
        this.mvc = mvc;
    }

    private final CurrentUser member =
            TestUsers.member(DemoOrganisationIds.APPELKERKE.value(), OrganisationRole.VIEWER);

    @Test
    void anonymousCallerGetsAProblemInsteadOfALoginPage() throws Exception {
        mvc.perform(get("/api/v1/organisations"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Niet aangemeld"))
                .andExpect(jsonPath("$.status").value(401));
    }

    @Test
    void programmeOfficerListsOrganisationsPageByPage() throws Exception {
        mvc.perform(get("/api/v1/organisations")
                        .param("size", "10")
                        .param("type", "PROVINCE")
                        .with(signedIn(TestUsers.programmeOfficer())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(5))
                .andExpect(jsonPath("$.items[*].type", everyItem(org.hamcrest.Matchers.is("PROVINCE"))))
                .andExpect(jsonPath("$.total", greaterThanOrEqualTo(5)))
                .andExpect(jsonPath("$.size").value(10));
    }

    @Test
    void memberListsOnlyTheirOwnOrganisation() throws Exception {
        mvc.perform(get("/api/v1/organisations").with(signedIn(member)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].id").value(DemoOrganisationIds.APPELKERKE.toString()));
    }

    @Test
    void foreignOrMissingOrganisationIsAProblemWith404() throws Exception {
        mvc.perform(get("/api/v1/organisations/" + DemoOrganisationIds.OCMW_MUNTHOVE)
                        .with(signedIn(member)))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(content().string(not(containsString("Munthove"))));
        mvc.perform(get("/api/v1/organisations/" + UUID.randomUUID()).with(signedIn(TestUsers.programmeOfficer())))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.title").value("Niet gevonden"));
    }

    @Test
    void ownOrganisationIsReturnedWithItsProfile() throws Exception {
        mvc.perform(get("/api/v1/organisations/" + DemoOrganisationIds.APPELKERKE)
                        .with(signedIn(member)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("Gemeente Appelkerke"))
                .andExpect(jsonPath("$.type").value("MUNICIPALITY"));
    }

    @Test
    void malformedInputIsAProblemWith400() throws Exception {
        mvc.perform(get("/api/v1/organisations/not-a-uuid").with(signedIn(member)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/v1/organisations").param("page", "abc").with(signedIn(member)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/v1/organisations").param("type", "CASTLE").with(signedIn(member)))
                .andExpect(status().isBadRequest());
    }
}

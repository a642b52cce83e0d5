package be.bolwerk.assessment;

import static be.bolwerk.TestUsers.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import be.bolwerk.TestUsers;
import be.bolwerk.shared.security.CurrentUser;
import be.bolwerk.shared.security.OrganisationRole;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Evidence files and links: an allow-list checked on the content, not the name; served back as an attachment
 * in a sandbox; links only over http(s); only people who may answer the area add or remove.
 */
@SpringBootTest
@AutoConfigureMockMvc
class EvidenceTests {

    private final MockMvc mvc;
    private final JdbcClient jdbc;

    EvidenceTests(@Autowired MockMvc mvc, @Autowired JdbcClient jdbc) {
        this.mvc = mvc;
        this.jdbc = jdbc;
    }

    private ResultActions upload(UUID id, String ref, String name, byte[] content, CurrentUser who) throws Exception {
        return mvc.perform(multipart("/assessments/{id}/answers/{ref}/evidence", id, ref)
                .file(new MockMultipartFile("file", name, "application/octet-stream", content))
                .with(signedIn(who))
                .with(csrf()));
    }

    @Test
    void filesAreCheckedStoredAndServedAsAttachments() throws Exception {
        UUID organisation = Fixtures.freshOrganisation(jdbc);
        CurrentUser admin = Fixtures.person(organisation, OrganisationRole.ORGANISATION_ADMIN);
        UUID framework = Fixtures.builtIn(jdbc, "quickscan-actiedomeinen");
        String location = mvc.perform(post("/assessments")
                        .param("organisationId", organisation.toString())
                        .param("frameworkVersionId", framework.toString())
                        .param(
                                "year",
                                String.valueOf(Instant.now()
                                        .atZone(ZoneId.of("Europe/Brussels"))
                                        .getYear()))
                        .with(signedIn(admin))
                        .with(csrf()))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        UUID id = UUID.fromString(location.substring("/assessments/".length()));
        // A real workbook from Bolwerk itself serves as the evidence document.
        byte[] workbook = mvc.perform(get("/organisations/export.xlsx").with(signedIn(TestUsers.programmeOfficer())))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();

        upload(id, "AD01.1", "C:\\Users\\iso\\beleid \"2026\".xlsx", workbook, admin)
                .andExpect(flash().attribute("notice", "assessment.evidence.added"));
        upload(id, "AD01.1", "script.html", "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8), admin)
                .andExpect(flash().attribute("problem", "assessment.evidence.type"));
        upload(id, "AD01.1", "vermomd.pdf", "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8), admin)
                .andExpect(flash().attribute("problem", "assessment.evidence.content"));
        upload(id, "AD01.1", "leeg.txt", new byte[0], admin)
                .andExpect(flash().attribute("problem", "assessment.evidence.noFile"));
        mvc.perform(post("/assessments/{id}/answers/AD01.1/links", id)
                        .param("url", "javascript:alert(1)")
                        .with(signedIn(admin))
                        .with(csrf()))
                .andExpect(flash().attribute("problem", "assessment.evidence.link"));
        mvc.perform(post("/assessments/{id}/answers/AD01.1/links", id)
                        .param("url", "https://intranet.example/beleid")
                        .param("title", "Beleid op het intranet")
                        .with(signedIn(admin))
                        .with(csrf()))
                .andExpect(flash().attribute("notice", "assessment.evidence.added"));

        UUID file = jdbc.sql("SELECT id FROM assessment_evidence WHERE assessment_id = :id AND kind = 'FILE'")
                .param("id", id)
                .query(UUID.class)
                .single();
        assertThat(jdbc.sql("SELECT name FROM assessment_evidence WHERE id = :id")
                        .param("id", file)
                        .query(String.class)
                        .single())
                .isEqualTo("beleid 2026.xlsx");
        mvc.perform(get("/assessments/{id}/evidence/{e}", id, file).with(signedIn(admin)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.startsWith("attachment")))
                .andExpect(header().string("Content-Security-Policy", "sandbox; default-src 'none'"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(content().bytes(workbook));
        mvc.perform(get("/assessments/{id}/areas/AD01", id).with(signedIn(admin)))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Beleid op het intranet")));

        CurrentUser stranger = Fixtures.stranger();
        mvc.perform(get("/assessments/{id}/evidence/{e}", id, file).with(signedIn(stranger)))
                .andExpect(status().isNotFound());
        CurrentUser colleague = Fixtures.person(organisation, OrganisationRole.MEMBER);
        upload(id, "AD01.1", "x.txt", "tekst".getBytes(StandardCharsets.UTF_8), colleague)
                .andExpect(status().isNotFound());
        mvc.perform(get("/assessments/{id}/evidence/{e}", id, file).with(signedIn(colleague)))
                .andExpect(status().isNotFound());

        mvc.perform(post("/assessments/{id}/evidence/{e}/delete", id, file)
                        .param("ref", "AD01.1")
                        .param("confirmed", "true")
                        .with(signedIn(colleague))
                        .with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/assessments/{id}/answers/AD01.1/links", id)
                        .param("url", "https://x.example")
                        .with(signedIn(stranger))
                        .with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/assessments/{id}/evidence/{e}/delete", id, file)
                        .param("ref", "AD01.1")
                        .with(signedIn(admin))
                        .with(csrf()))
                .andExpect(flash().attribute("problem", "users.confirmFirst"));
        mvc.perform(post("/assessments/{id}/evidence/{e}/delete", id, file)
                        .param("ref", "AD01.1")
                        .param("confirmed", "true")
                        .with(signedIn(admin))
                        .with(csrf()))
                .andExpect(flash().attribute("notice", "assessment.evidence.removed"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM assessment_evidence WHERE assessment_id = :id")
                        .param("id", id)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }
}

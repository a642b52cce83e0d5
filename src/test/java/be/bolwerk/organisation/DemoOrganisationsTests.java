package be.bolwerk.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import be.bolwerk.TestUsers;
import be.bolwerk.organisation.demo.DemoOrganisationIds;
import be.bolwerk.shared.security.CurrentUser;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The demo profile (the default on the embedded database) loads the fictional organisations once. */
@SpringBootTest
class DemoOrganisationsTests {

    private final OrganisationDirectory directory;

    DemoOrganisationsTests(@Autowired OrganisationDirectory directory) {
        this.directory = directory;
    }

    @Test
    void loadsAboutThreeHundredFictionalOrganisationsOfEveryKind() {
        CurrentUser officer = TestUsers.programmeOfficer();
        Map<OrganisationType, Long> counts = directory.countByType(officer);

        assertThat(counts.get(OrganisationType.MUNICIPALITY)).isGreaterThanOrEqualTo(200);
        assertThat(counts.get(OrganisationType.SOCIAL_WELFARE_CENTRE)).isGreaterThanOrEqualTo(60);
        assertThat(counts.get(OrganisationType.POLICE_ZONE)).isGreaterThanOrEqualTo(25);
        assertThat(counts.get(OrganisationType.PROVINCE)).isGreaterThanOrEqualTo(5);
        assertThat(directory.profile(DemoOrganisationIds.APPELKERKE, officer).contactEmail())
                .endsWith(".invalid");
        assertThat(directory.profile(DemoOrganisationIds.OCMW_MUNTHOVE, officer).name())
                .isEqualTo("OCMW Munthove");
    }
}

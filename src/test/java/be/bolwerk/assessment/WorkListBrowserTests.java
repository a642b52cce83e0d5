package be.bolwerk.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import be.bolwerk.Browsing;
import be.bolwerk.identity.TestAccounts;
import be.bolwerk.identity.account.UserAccount;
import be.bolwerk.shared.security.OrganisationRole;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The work list in a browser: an admin gives an area to a colleague, the colleague finds it on their home
 * page, opens it, and asks the admin something in the control's comments with a mention; the preferences
 * page. Every page is checked with axe-core.
 */
@SpringBootTest(webEnvironment = RANDOM_PORT)
class WorkListBrowserTests {

    private final JdbcClient jdbc;
    private final TestAccounts accounts;

    @RegisterExtension
    final Browsing browsing = new Browsing();

    WorkListBrowserTests(@Autowired JdbcClient jdbc, @Autowired TestAccounts accounts) {
        this.jdbc = jdbc;
        this.accounts = accounts;
    }

    private UserAccount person(UUID organisation, OrganisationRole role, String name) {
        UserAccount account = accounts.unsaved("worklist", name, Browsing.DEMO_PASSWORD);
        account.join(organisation, role, Instant.now());
        return accounts.save(account);
    }

    private void signOut(WebDriver browser) {
        browser.findElement(By.cssSelector("form.logout button")).click();
        browsing.await()
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.cssSelector("[role=status]"), "U bent afgemeld"));
    }

    @Test
    void anAdminGivesAnAreaTheColleagueFindsItAndMentionsTheAdmin() {
        UUID organisation = Fixtures.freshOrganisation(jdbc);
        UserAccount admin = person(organisation, OrganisationRole.ORGANISATION_ADMIN, "Anna Beheer");
        UserAccount colleague = person(organisation, OrganisationRole.MEMBER, "Carl Collega");
        UUID assessment = Fixtures.storedAssessment(
                jdbc,
                organisation,
                Fixtures.builtIn(jdbc, "quickscan-actiedomeinen"),
                Fixtures.THIS_YEAR,
                "DRAFT",
                null,
                null);
        // An action with a long title on the colleague's list: its table must scroll in its own region at 320 px.
        jdbc.sql("""
                        INSERT INTO improvement_action (organisation_id, id, assessment_id, control_ref, title,
                            owner_id, due_date, priority, created_by, created_at)
                        VALUES (:org, :id, :assessment, 'AD02.1',
                            'Informatieveiligheidsbeleid opstellen, laten goedkeuren door het college en bekendmaken',
                            :owner, CURRENT_DATE, 'HIGH', :owner, CURRENT_TIMESTAMP)
                        """)
                .param("org", organisation)
                .param("id", UUID.randomUUID())
                .param("assessment", assessment)
                .param("owner", colleague.id())
                .update();
        WebDriver browser = browsing.driver();

        browsing.signInAs(admin.email());
        browsing.waitForHeading("Welkom, Anna Beheer");
        assertThat(browser.findElement(By.id("work-heading")).getText()).isEqualTo("Uw werk");
        browsing.check("worklist-admin-home");
        browsing.open("/assessments/" + assessment);
        browsing.waitForHeading(String.valueOf(Fixtures.THIS_YEAR));
        new Select(browser.findElement(By.id("assignee-AD02"))).selectByVisibleText("Carl Collega");
        browser.findElement(By.cssSelector("form[action$='/assignments'] input[value=AD02] ~ button"))
                .click();
        browsing.await()
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.cssSelector("[role=status]"), "De toewijzing is bewaard."));
        browsing.check("worklist-assigned");
        signOut(browser);

        browsing.signIn(colleague.email());
        browsing.waitForHeading("Welkom, Carl Collega");
        WebElement actions = browser.findElement(By.cssSelector("section.card table"))
                .findElement(By.xpath("ancestor::div[contains(@class,'table-wrap')]"));
        assertThat(actions.getAttribute("tabindex")).isEqualTo("0");
        assertThat(actions.getAttribute("role")).isEqualTo("region");
        // check() also loads the page at 320 and 390 px: no sideways scrolling, axe-core clean.
        browsing.check("worklist-colleague-home");
        browser.findElement(By.cssSelector("a[href$='/assessments/" + assessment + "/areas/AD02']"))
                .click();
        browsing.waitForHeading("AD02");
        browsing.check("worklist-colleague-area");
        browser.findElement(By.id("comments-AD02_d1")).click();
        browsing.waitForHeading("Opmerkingen bij AD02.1");
        browsing.check("worklist-comments-empty");
        browser.findElement(By.id("body")).sendKeys("@Anna Beheer: welk beleid bedoelen we hier?");
        browser.findElement(By.cssSelector("#comment-form button[type=submit]")).click();
        browsing.await().until(d -> d.getPageSource().contains("welk beleid bedoelen we hier?"));
        assertThat(browser.findElement(By.cssSelector("[role=status]")).getText())
                .contains("wie u noemde, krijgt een e-mail");
        browsing.check("worklist-comments-posted");
        assertThat(People.mailsTo(jdbc, admin.email()))
                .anySatisfy(mail -> assertThat(mail.body()).contains("/controls/AD02.1/comments"));

        browsing.open("/account/preferences");
        browsing.waitForHeading("Voorkeuren");
        browser.findElement(By.cssSelector("input[name=language][value=en]")).click();
        browser.findElement(By.cssSelector("form.form button[type=submit]")).click();
        browsing.await()
                .until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[role=status]"), "bewaard"));
        browsing.check("worklist-preferences");
        browsing.assertPagesChecked(9);
    }
}

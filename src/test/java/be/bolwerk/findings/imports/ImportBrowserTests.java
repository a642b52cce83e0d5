package be.bolwerk.findings.imports;

import static org.assertj.core.api.Assertions.assertThat;

import be.bolwerk.Browsing;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The import walked in a browser by the ISO of Gemeente Appelkerke: a real SpotBugs SARIF file is uploaded, the
 * preview shows what is new, the import is confirmed on a phone-sized screen and the findings are in the register;
 * the same file again is all repeats and adds nothing; a CSV that names an owner gives that colleague a mail; a file
 * with a wrong row lists it and keeps nothing. axe-core checks every page at desktop and phone width.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ImportBrowserTests {

    @LocalServerPort
    int port;

    @TempDir
    Path files;

    private final JdbcClient jdbc;

    ImportBrowserTests(@Autowired JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @AfterEach
    void clean() {
        ImportFiles.forget(jdbc);
    }

    @Test
    void aSarifFileIsPreviewedImportedAndRecognisedTheSecondTime() throws IOException {
        ImportFiles.forget(jdbc);
        Path sarif = write("spotbugs.sarif", ImportFiles.bytes("sarif/spotbugs.sarif"));
        try (Browsing iso = new Browsing(port, jdbc)) {
            iso.signInAs("iso@appelkerke.invalid");
            iso.await()
                    .until(d -> !d.getCurrentUrl().contains("/login")
                            && !d.getCurrentUrl().contains("/mfa"));

            iso.open("/findings");
            iso.await().until(ExpectedConditions.presenceOfElementLocated(By.linkText("Bevindingen importeren")));
            iso.driver().findElement(By.linkText("Bevindingen importeren")).click();
            iso.waitForHeading("Bevindingen importeren");
            iso.check("import-upload");

            upload(iso, "SARIF", sarif);
            iso.waitForHeading("Voorbeeld van de import");
            assertThat(iso.mainText())
                    .contains("Nieuw: ")
                    .contains("wordt bijgewerkt: 0")
                    .contains("Code contains a hard coded reference to an absolute pathname.");
            iso.check("import-preview");

            iso.atPhoneWidth();
            iso.driver()
                    .findElement(By.xpath("//button[normalize-space()='Importeren']"))
                    .click();
            iso.await()
                    .until(ExpectedConditions.textToBePresentInElementLocated(
                            By.tagName("main"), "Het bestand is geïmporteerd."));
            iso.atDesktopWidth();
            long imported = imported();
            assertThat(imported).isPositive();
            assertThat(iso.mainText()).contains("Toegevoegd: " + imported + ". Bijgewerkt: 0.");
            iso.check("import-result");

            iso.open("/findings?source=IMPORT");
            iso.await()
                    .until(ExpectedConditions.textToBePresentInElementLocated(
                            By.tagName("main"), "Code contains a hard coded reference"));
            assertThat(iso.mainText()).contains(imported + " bevindingen");

            // The same file again: every row is a finding of the register already.
            iso.open("/findings/import");
            iso.waitForHeading("Bevindingen importeren");
            upload(iso, "SARIF", sarif);
            iso.waitForHeading("Voorbeeld van de import");
            assertThat(iso.mainText())
                    .contains("Nieuw: 0. Al in het verbeterplan, wordt bijgewerkt: " + imported + ".");
            iso.driver()
                    .findElement(By.xpath("//button[normalize-space()='Importeren']"))
                    .click();
            iso.await()
                    .until(ExpectedConditions.textToBePresentInElementLocated(
                            By.tagName("main"), "Toegevoegd: 0. Bijgewerkt: " + imported + "."));
            assertThat(imported()).isEqualTo(imported);

            // A CSV that names an owner: the colleague gets the finding and a mail.
            iso.open("/findings/import");
            iso.waitForHeading("Bevindingen importeren");
            upload(iso, "CSV", write("eigen.csv", ImportFiles.OWN_CSV.getBytes(StandardCharsets.UTF_8)));
            iso.waitForHeading("Voorbeeld van de import");
            iso.driver()
                    .findElement(By.xpath("//button[normalize-space()='Importeren']"))
                    .click();
            iso.await()
                    .until(ExpectedConditions.textToBePresentInElementLocated(
                            By.tagName("main"), "Verouderde TLS op de webmail"));

            // A file with a wrong row: the rows and the reason, nothing kept, no way to confirm.
            iso.open("/findings/import");
            iso.waitForHeading("Bevindingen importeren");
            upload(
                    iso,
                    "CSV",
                    write("fout.csv", "Title,Severity\nGoed,High\nFout,Enorm\n".getBytes(StandardCharsets.UTF_8)));
            iso.await()
                    .until(ExpectedConditions.textToBePresentInElementLocated(
                            By.id("row-errors"), "Onbekende ernst \"Enorm\""));
            assertThat(iso.driver().findElements(By.xpath("//button[normalize-space()='Importeren']")))
                    .isEmpty();
            iso.check("import-errors");
            iso.assertPagesChecked(5);
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM mail_outbox WHERE recipient = 'medewerker@appelkerke.invalid'"
                                + " AND subject = 'Bevinding voor u: Verouderde TLS op de webmail'")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    private static void upload(Browsing person, String format, Path file) {
        new Select(person.driver().findElement(By.id("format"))).selectByValue(format);
        person.driver()
                .findElement(By.id("file"))
                .sendKeys(file.toAbsolutePath().toString());
        person.driver()
                .findElement(By.xpath("//button[normalize-space()='Bestand nakijken']"))
                .click();
    }

    private Path write(String name, byte[] content) throws IOException {
        return Files.write(files.resolve(name), content);
    }

    private long imported() {
        return jdbc.sql("SELECT COUNT(*) FROM finding WHERE organisation_id = :org AND source = 'IMPORT'")
                .param("org", FindingImportTests.APPELKERKE)
                .query(Long.class)
                .single();
    }
}

package be.bolwerk.findings.imports;

import be.bolwerk.findings.RegisterWrites;
import be.bolwerk.shared.security.CurrentUser;
import be.bolwerk.shared.security.OrganisationRole;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the import tests share: the real scanner files in {@code src/test/resources/findings/} (DefectDojo's test
 * files, BSD-3-Clause, licence beside them), a CSV of our own with Bolwerk's columns, the demo accounts, and the
 * clean-up of what imports wrote for the demo organisations.
 */
final class ImportFiles {

    /** Two findings with Bolwerk's own columns: owner, planned date, control, external id, CVE on a system, CVSS. */
    static final String OWN_CSV = """
            Title,Severity,Description,Owner,DueDate,ControlRef,ExternalId,VulnerabilityId,Url,CVSSV3
            Verouderde TLS op de webmail,Medium,TLS 1.0 staat aan,medewerker@appelkerke.invalid,2027-03-31,AD03.2,BW-1,,webmail,CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N
            Log4Shell in de printserver,High,Oude log4j,,,,,CVE-2021-44228,print01,
            """;

    private ImportFiles() {}

    static byte[] bytes(String name) {
        try (InputStream in = ImportFiles.class.getResourceAsStream("/findings/" + name)) {
            if (in == null) {
                throw new IllegalStateException("test file missing: " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes every imported finding and import of the demo organisations (their keys and items go with them). */
    static void forget(JdbcClient jdbc) {
        jdbc.sql("DELETE FROM finding WHERE source = 'IMPORT' AND organisation_id IN (:orgs)")
                .param("orgs", java.util.List.of(FindingImportTests.APPELKERKE, FindingImportTests.MUNTHOVE))
                .update();
        RegisterWrites.moved(jdbc);
        jdbc.sql("DELETE FROM mail_outbox WHERE subject = 'Bevinding voor u: Verouderde TLS op de webmail'")
                .update();
        jdbc.sql("DELETE FROM finding_import WHERE organisation_id IN (:orgs)")
                .param("orgs", java.util.List.of(FindingImportTests.APPELKERKE, FindingImportTests.MUNTHOVE))
                .update();
    }

    /** A demo account as signed in, with the memberships the test relies on. */
    static CurrentUser account(JdbcClient jdbc, String email, Map<UUID, OrganisationRole> memberships) {
        record Row(UUID id, String name) {}
        Row row = jdbc.sql("SELECT id, display_name FROM user_account WHERE email = :email")
                .param("email", email)
                .query((rs, n) -> new Row(rs.getObject("id", UUID.class), rs.getString("display_name")))
                .single();
        return new CurrentUser(row.id(), email, row.name(), null, true, Set.of(), memberships);
    }
}

package be.bolwerk;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/**
 * Public files in the formats Bolwerk imports, copied with their licences into {@code src/test/resources/testdata}
 * so that the repository stands alone: a clone into an empty folder runs every test.
 */
public final class TestFiles {

    /** NIST SP 800-53 rev 5 low baseline as an OSCAL 1.1.2 catalog (public domain, see its LICENSE.md). */
    public static final Path NIST_LOW = path("oscal/NIST_SP-800-53_rev5_LOW-baseline-resolved-profile_catalog.json");

    /** NIST SP 800-53 rev 4 low baseline as an OSCAL 1.1.1 catalog: another catalog, not a version of rev 5. */
    public static final Path NIST_LOW_REV4 =
            path("oscal/NIST_SP-800-53_rev4_LOW-baseline-resolved-profile_catalog.json");

    /** AC-2 of NIST's full rev 5 catalog, with its withdrawn enhancement AC-2(10) (see the folder's README). */
    public static final Path NIST_AC2_PART = path("oscal/NIST_SP-800-53_rev5_catalog_AC-2-part.json");

    public static Path path(String name) {
        URL url = TestFiles.class.getResource("/testdata/" + name);
        if (url == null) {
            throw new IllegalStateException("Test file missing from src/test/resources/testdata: " + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private TestFiles() {}
}

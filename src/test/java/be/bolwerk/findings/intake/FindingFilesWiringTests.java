package be.bolwerk.findings.intake;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.util.unit.DataSize;

/** The reader as the application builds it: its JSON mapper and its limits from the settings' defaults. */
@SpringBootTest
@AutoConfigureMockMvc
class FindingFilesWiringTests {

    private final FindingFiles files;
    private final IntakeLimits limits;

    FindingFilesWiringTests(@Autowired FindingFiles files, @Autowired IntakeLimits limits) {
        this.files = files;
        this.limits = limits;
    }

    @Test
    void readsARealFileWithTheDefaultLimits() {
        assertThat(limits.maxFileSize()).isEqualTo(DataSize.ofMegabytes(10));
        assertThat(limits.maxRows()).isEqualTo(5000);
        assertThat(files.sarif(RealFiles.stream(RealFiles.bytes("sarif/codeQL-output.sarif")))
                        .candidates())
                .hasSize(72);
        assertThat(files.csv(RealFiles.stream(RealFiles.bytes("csv/generic_report3.csv")), DateOrder.FROM_FILE)
                        .candidates())
                .hasSize(2);
    }
}

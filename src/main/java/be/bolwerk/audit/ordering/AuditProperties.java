package be.bolwerk.audit.ordering;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of audit orders ({@code bolwerk.audit.*}).
 *
 * @param reportMaxMegabytes the largest audit report accepted, in MB (default 10; the upload limit of the
 *     server, {@code spring.servlet.multipart.max-file-size}, must be at least as large)
 */
@ConfigurationProperties("bolwerk.audit")
public record AuditProperties(Integer reportMaxMegabytes) {

    public AuditProperties {
        reportMaxMegabytes = reportMaxMegabytes == null || reportMaxMegabytes < 1 ? 10 : reportMaxMegabytes;
    }

    public long reportMaxBytes() {
        return reportMaxMegabytes * 1024L * 1024L;
    }
}

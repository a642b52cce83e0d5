package be.bolwerk.engagement;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of ethical-hacking engagements ({@code bolwerk.engagement.*}).
 *
 * @param crtAddress the mailbox of the Cyber Response Team that a stopped engagement alerts (besides the CRT
 *     analysts' own accounts) until the incident module takes the event over; none when blank
 */
@ConfigurationProperties("bolwerk.engagement")
public record EngagementProperties(String crtAddress) {

    public EngagementProperties {
        crtAddress = crtAddress == null || crtAddress.isBlank() ? null : crtAddress.strip();
    }
}

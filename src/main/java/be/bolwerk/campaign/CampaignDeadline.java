package be.bolwerk.campaign;

import java.time.LocalDate;
import java.util.UUID;

/**
 * An organisation's deadline in a campaign: the campaign's own, or the later one it was granted.
 *
 * @param campaignId the campaign
 * @param name the campaign's name, as the programme office gave it
 * @param organisationId the organisation invited
 * @param frameworkVersionId the framework version to evaluate
 * @param year the year of the self-evaluation asked for
 * @param deadline the day by which the organisation should submit (Belgian calendar day)
 * @param extensionReason why the deadline was extended; null while it is the campaign's own
 */
public record CampaignDeadline(
        CampaignId campaignId,
        String name,
        UUID organisationId,
        UUID frameworkVersionId,
        int year,
        LocalDate deadline,
        String extensionReason) {

    public boolean extended() {
        return extensionReason != null;
    }
}

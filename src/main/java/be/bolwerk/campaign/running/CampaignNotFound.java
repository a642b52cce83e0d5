package be.bolwerk.campaign.running;

import be.bolwerk.shared.NotFound;

/** No such campaign, or the organisation was not invited to it: both answer 404. */
public class CampaignNotFound extends NotFound {

    public CampaignNotFound() {
        super("Campaign or participant not found");
    }
}

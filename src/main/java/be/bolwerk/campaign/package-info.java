/**
 * Yearly campaigns of the programme office: a framework version that the invited organisations evaluate by a
 * deadline, with reminders before it and extensions per organisation. The module root is what other modules
 * may use: {@link be.bolwerk.campaign.Campaigns} (an organisation's deadlines) and the events
 * {@link be.bolwerk.campaign.CampaignOpened} and {@link be.bolwerk.campaign.DeadlineExtended}; opening,
 * reminding and extending live in {@code running}, the pages in {@code web}, the demo campaign in {@code demo}.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "organisation", "framework", "assessment", "identity", "notification"})
package be.bolwerk.campaign;

package be.bolwerk.campaign.web;

/** An organisation's campaign deadline as its self-evaluations page shows it. */
public record DeadlineLine(
        String organisation, String campaign, String deadline, String extensionReason, boolean late) {}

package be.bolwerk.campaign.web;

/** An organisation in the reminder preview: its deadline and the addresses the reminder goes to. */
public record ReminderLine(String organisation, String deadline, String emails) {}

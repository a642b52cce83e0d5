package be.bolwerk.shared.web;

/**
 * One line of an item's history as the shared history table ({@code fragments/history :: table}) shows it:
 * when, the message key of the step, who, and the note, worked out in Java so the table only writes strings.
 */
public record HistoryRow(String at, String stepKey, String actor, String note) {}

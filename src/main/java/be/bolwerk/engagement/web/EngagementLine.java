package be.bolwerk.engagement.web;

import be.bolwerk.engagement.work.EngagementList;

/** One row of the engagement list, formatted for the page (ADR 0016). */
public record EngagementLine(
        String id,
        String title,
        String organisation,
        String college,
        String state,
        String requestedAt,
        long acceptedFindings,
        long awaitingReview) {

    /** How many engagements are in one state, for the programme office. */
    public record Count(String state, long count) {}

    static EngagementLine of(EngagementList.Row row) {
        return new EngagementLine(
                row.id().toString(),
                row.title(),
                row.organisation(),
                row.college(),
                row.state().name(),
                EngagementPage.moment(row.requestedAt()).substring(0, 10),
                row.acceptedFindings(),
                row.awaitingReview());
    }
}

/**
 * Notification drafts of an incident (issue 13, one fact base for several reports, ADR 0042): the fixed fact base drawn
 * from the incident as it is now ({@link be.bolwerk.incident.notice.NoticeField},
 * {@link be.bolwerk.incident.notice.FactBase}), a draft per recipient with the fields chosen one by one
 * ({@link be.bolwerk.incident.notice.Notice}), its one rendering for preview, text, PDF and the submitted snapshot
 * ({@link be.bolwerk.incident.notice.NoticeText}), and the use case that records a submission through the
 * obligations ({@link be.bolwerk.incident.notice.Notices}).
 */
package be.bolwerk.incident.notice;

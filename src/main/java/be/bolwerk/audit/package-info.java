/**
 * Co-financed security audits: an organisation orders a basic or supplementary audit, the programme office
 * approves it against a budget line (two thirds, or half within the remaining credit) and assigns an audit
 * firm, the firm's auditors schedule, record findings, upload the report and complete it with the invoice. The
 * module root is what other modules may use: the typed id, kinds and statuses; the past-tense events are in the
 * named interface {@code audit :: event}; the order and its use cases live in {@code ordering}, the pages in
 * {@code web}, the API in {@code api}, demo orders in {@code demo} (ADR 0024).
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "organisation", "organisation :: demo", "identity", "funding"})
package be.bolwerk.audit;

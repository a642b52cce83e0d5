-- The closing moment stored on the finding (ADR 0033): the reports read it instead of grouping the history per
-- request. Set by the finding's closing steps (fix verified, duplicate, false positive, out of scope: ADR 0031) to
-- the step's moment, cleared by every step that leaves a closed status. Findings closed before this migration take
-- the moment of the last closing line of their history (a closed row without one, written by hand, stays NULL and,
-- as before, counts as closed in no report).
ALTER TABLE finding ADD COLUMN closed_at TIMESTAMP WITH TIME ZONE;

UPDATE finding SET closed_at = (
    SELECT MAX(h.at) FROM finding_history h
    WHERE h.finding_id = finding.id AND h.step IN ('FIX_VERIFIED', 'DUPLICATE', 'FALSE_POSITIVE', 'OUT_OF_SCOPE'))
WHERE status IN ('FIX_VERIFIED', 'DUPLICATE', 'FALSE_POSITIVE', 'OUT_OF_SCOPE');

-- The progress page of one organisation: findings arriving per severity and week, and the closed ones per severity
-- and week with their due dates (the share closed within the SLA); both read from the index alone on PostgreSQL.
CREATE INDEX finding_organisation_created_ix ON finding (organisation_id, created_at, severity);
CREATE INDEX finding_organisation_closed_ix ON finding (organisation_id, closed_at, severity, due_date);

-- The burn-down's one look at the history: an organisation's reopenings (rare), with their place in the history, to
-- find the findings that were closed and opened again, whose closed weeks the closing moment alone does not tell.
CREATE INDEX finding_history_organisation_step_ix ON finding_history (organisation_id, step, finding_id, seq);

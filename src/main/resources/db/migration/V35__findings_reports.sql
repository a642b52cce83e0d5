-- Findings reports (ADR 0031): the burn-down chart, the share closed within the SLA, the programme view and the
-- daily digest read the register; they add no table of their own. The digest remembers which day it sent to
-- whom through the mail outbox's unique once-key ("findingDigest:<day>:<owner>"), written in the same
-- transaction as the mail, so a rerun after a crash sends only the missing ones.

-- The closing and reopening steps of the history, looked up per finding and step by the reports.
CREATE INDEX finding_history_step_ix ON finding_history (finding_id, step, at);

-- The digest looks for open findings with an owner that fall due before a day, over every organisation.
CREATE INDEX finding_owner_due_ix ON finding (due_date, owner_id);

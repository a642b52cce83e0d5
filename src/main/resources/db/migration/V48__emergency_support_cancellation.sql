-- The programme may cancel an approved emergency-support request that will not be invoiced (the firm was not needed
-- after all): its commitment goes back to the emergency fund. The approval stays on the row; who cancelled, when
-- and why sit beside it.
ALTER TABLE emergency_support ADD COLUMN cancel_reason VARCHAR(2000);
ALTER TABLE emergency_support ADD COLUMN cancelled_by UUID;
ALTER TABLE emergency_support ADD COLUMN canceller_name VARCHAR(200);
ALTER TABLE emergency_support ADD COLUMN cancelled_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE emergency_support DROP CONSTRAINT emergency_support_status_ck;
ALTER TABLE emergency_support ADD CONSTRAINT emergency_support_status_ck CHECK (status IN ('REQUESTED', 'RECOMMENDED',
    'NOT_RECOMMENDED', 'APPROVED', 'REJECTED', 'PAID', 'WITHDRAWN', 'CANCELLED'));

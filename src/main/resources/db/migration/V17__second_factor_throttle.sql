-- Refused attempts while a throttle key must wait are counted on its row and written to the audit trail as one
-- summary row at most once a minute, instead of one row per refusal (an attacker would otherwise fill the trail).
ALTER TABLE login_throttle ADD COLUMN refused INT DEFAULT 0 NOT NULL;
ALTER TABLE login_throttle ADD COLUMN refused_since TIMESTAMP WITH TIME ZONE;
ALTER TABLE login_throttle ADD COLUMN reported_at TIMESTAMP WITH TIME ZONE;

-- The first character of a recovery code, in clear and unique among an account's codes, so that a guess is
-- compared with at most one Argon2 hash instead of all ten. Codes issued before have none and are compared as
-- before until the person renews them.
ALTER TABLE recovery_code ADD COLUMN selector VARCHAR(1);

-- A counter per organisation that moves, in the same transaction, with every change to its findings (ADR 0046).
-- Counts and figures computed from an organisation's register are kept in memory under the version they were
-- computed at; a committed change moves the version, so the next request misses and counts again. No row yet means
-- version 0. No foreign key to organisation: modules do not share keys (ADR 0001).
CREATE TABLE finding_register_version (
    organisation_id UUID   NOT NULL PRIMARY KEY,
    version         BIGINT NOT NULL
);

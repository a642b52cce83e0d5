/** The JSON API of the audit trail for platform admins' monitors: verification, checkpoints and the rows in the reader's language. */
package be.bolwerk.audittrail.api;

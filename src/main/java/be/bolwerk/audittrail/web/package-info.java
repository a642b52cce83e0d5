/** The platform admins' audit trail page (search, export, verification) and the JSON API a monitor uses to verify and read checkpoints. */
package be.bolwerk.audittrail.web;

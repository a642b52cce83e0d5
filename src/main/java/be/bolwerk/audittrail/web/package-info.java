/** The platform admins' audit trail page: search, export and verification. */
package be.bolwerk.audittrail.web;

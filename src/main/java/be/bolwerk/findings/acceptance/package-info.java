/**
 * Risk acceptances of the findings register (ADR 0030): an organisation's decision to live with open findings
 * until an expiry date, proposed by a member, approved or rejected by another person who is an admin (four eyes),
 * ended by expiry (a daily job) or revocation, after which its findings reopen with a new SLA.
 */
package be.bolwerk.findings.acceptance;

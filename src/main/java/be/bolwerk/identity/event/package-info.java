/**
 * What happened to accounts, personas, memberships, factors and sign-ins, as past-tense events: published by the
 * identity module's use cases and read by the modules that react to them (the audit trail records each).
 */
@org.springframework.modulith.NamedInterface("event")
package be.bolwerk.identity.event;

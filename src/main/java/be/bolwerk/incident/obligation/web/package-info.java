/**
 * The pages of the regulator obligations: an incident's facts and obligations with their countdowns, the breach
 * register and its export, and the programme's choice of breach authority per organisation type (ADR 0039).
 */
package be.bolwerk.incident.obligation.web;

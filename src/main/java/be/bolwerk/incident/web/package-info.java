/**
 * The incident pages of the intake (ADR 0036): the report form for the organisation's people, the phone report for
 * CRT analysts, the overview of one incident as reported, the list (the CRT's live queue) and the public emergency
 * page with the CRT's 24/7 number.
 */
package be.bolwerk.incident.web;

/** The risk-acceptance pages: the list per organisation, proposing, the detail with its decisions, the proof file and the programme's maximum durations. */
package be.bolwerk.findings.acceptance.web;

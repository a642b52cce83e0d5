/**
 * Self-evaluations: an organisation answers a framework version once a year, control by control, with a
 * documentation and an implementation maturity; Bolwerk scores the answers, compares them with the previous
 * year and with anonymous peers, and turns the gaps into improvement actions. Publishes
 * {@link be.bolwerk.assessment.AssessmentStarted} and {@link be.bolwerk.assessment.AssessmentSubmitted}.
 */
package be.bolwerk.assessment;

/**
 * Self-evaluations: an organisation answers a framework version once a year, control by control, with a
 * documentation and an implementation maturity; Bolwerk scores the answers, compares them with the previous
 * year and with anonymous peers, and turns the gaps into improvement actions. The module root is what other
 * modules may use: the assessment's id and its events ({@link be.bolwerk.assessment.AssessmentStarted},
 * {@link be.bolwerk.assessment.AssessmentSubmitted}, {@link be.bolwerk.assessment.ImprovementActionProposed});
 * everything else lives in the sub-packages and is internal.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"framework", "identity", "organisation", "organisation :: demo", "shared"})
package be.bolwerk.assessment;

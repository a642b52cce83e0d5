/**
 * Ethical-hacking engagements: an organisation asks a university college to test its systems within a scope its
 * signatory signs in the app; the college's supervisor assigns students, reviews their findings, and anyone
 * testing can stop it at once on signs of an active compromise. The module root is what other modules may use:
 * {@link be.bolwerk.engagement.EngagementId} and the past-tense events ({@link be.bolwerk.engagement.EngagementEvent});
 * the scope and its signed text live in {@code scope}, the aggregate and its use cases in {@code work}, the pages
 * in {@code web}, the read-only API in {@code api}, the demo engagements in {@code demo}.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "organisation", "organisation :: demo", "identity", "notification"})
package be.bolwerk.engagement;

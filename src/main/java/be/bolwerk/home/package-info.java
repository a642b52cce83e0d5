/**
 * The landing page after sign-in: it gathers from every module what the signed-in person may see at a glance, and
 * owns no data of its own.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"assessment", "campaign", "identity", "organisation", "shared"})
package be.bolwerk.home;

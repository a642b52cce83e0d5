/**
 * Who may come in and as whom: accounts, personas, memberships of organisations, sign-in and second factors. The
 * package itself is the module's API: what other modules may use ({@link be.bolwerk.identity.OrganisationMembers},
 * {@link be.bolwerk.identity.ProgrammePeople}, {@link be.bolwerk.identity.SignInHistory}); the events it publishes
 * are the named interface {@code identity :: event} ({@link be.bolwerk.identity.event}), so that the root stays
 * readable at a glance. Everything else lives in sub-packages by sub-capability, internal to the module.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "organisation", "organisation :: demo", "notification"})
package be.bolwerk.identity;

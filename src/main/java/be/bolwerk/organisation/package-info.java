/**
 * The local governments that take part in the programme: their profile, and who may see which of them. Every
 * other module refers to an organisation by {@link be.bolwerk.organisation.OrganisationId} only.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared"})
package be.bolwerk.organisation;

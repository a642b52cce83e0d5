/**
 * Truly shared building blocks: the signed-in user as every module sees it, web infrastructure (locale, layout
 * model, error pages, problem details), persistence settings, and nothing that belongs to one capability.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package be.bolwerk.shared;

/**
 * Frameworks of the self-evaluation: versioned, immutable trees of areas, topics and controls. Bolwerk ships
 * two of its own (resource files in the {@code bolwerk-framework/1} format, see docs/frameworks.md); more come
 * from files in that format or from OSCAL catalogs. Other modules refer to a version by
 * {@link be.bolwerk.framework.FrameworkVersionId} and read it through {@link be.bolwerk.framework.Frameworks}.
 * The module root is that API, the framework tree it hands out and the event
 * {@link be.bolwerk.framework.FrameworkImported}; reading, checking, importing and storing files live in
 * {@code imports}, the pages in {@code web} and the JSON API in {@code api}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared"})
package be.bolwerk.framework;

/**
 * Frameworks of the self-evaluation: versioned, immutable trees of areas, topics and controls. Bolwerk ships
 * two of its own (resource files in the {@code bolwerk-framework/1} format, see docs/frameworks.md); more come
 * from files in that format or from OSCAL catalogs. Other modules refer to a version by
 * {@link be.bolwerk.framework.FrameworkVersionId} and read it through {@link be.bolwerk.framework.Frameworks}.
 * A version is a draft until the programme office publishes it, and can then be retired; {@link
 * be.bolwerk.framework.Frameworks} never offers a draft to other modules. The module root is that API, the
 * framework tree it hands out and the events {@link be.bolwerk.framework.FrameworkImported},
 * {@link be.bolwerk.framework.FrameworkPublished}, {@link be.bolwerk.framework.FrameworkRetired} and
 * {@link be.bolwerk.framework.FrameworkDeleted}; reading, checking, importing and storing files live in
 * {@code imports}, the life cycle in {@code lifecycle}, the pages in {@code web} and the JSON API in {@code api}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared"})
package be.bolwerk.framework;

/**
 * Frameworks of the self-evaluation: versioned, immutable trees of areas, topics and controls. Bolwerk ships
 * two of its own (resource files in the {@code bolwerk-framework/1} format, see docs/frameworks.md); more come
 * from files in that format or from OSCAL catalogs. Other modules refer to a version by
 * {@link be.bolwerk.framework.FrameworkVersionId} and read it through {@link be.bolwerk.framework.Frameworks}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared"})
package be.bolwerk.framework;

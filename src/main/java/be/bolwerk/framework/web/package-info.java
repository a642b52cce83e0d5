/** The framework pages: the library of frameworks, one version's tree, and the import of a new version. */
package be.bolwerk.framework.web;

/** Getting frameworks in and out: files in Bolwerk's own format and OSCAL catalogs read and checked into a draft, uploads imported in the background, the built-in frameworks loaded at start, and the one store of the framework tables. */
package be.bolwerk.framework.imports;

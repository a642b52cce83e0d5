/** The life cycle of a framework version: draft, published, retired, or a draft deleted. */
package be.bolwerk.framework.lifecycle;

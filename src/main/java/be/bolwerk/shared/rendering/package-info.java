/**
 * Parts of busy pages rendered once per distinct model and kept (ADR 0047): rendering is a pure function of a
 * template, the reader's language and the values it reads, so the same values give the same HTML.
 */
package be.bolwerk.shared.rendering;

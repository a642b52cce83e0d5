/** The scope of an engagement as a value: its fields, their checks, and the one canonical text that is signed. */
package be.bolwerk.engagement.scope;

/** Demo profile only: audit orders in every state over the demo organisations. */
package be.bolwerk.audit.demo;

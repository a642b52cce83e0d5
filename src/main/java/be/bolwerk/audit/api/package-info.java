/** The read-only API of audit orders, with the same visibility as the pages. */
package be.bolwerk.audit.api;

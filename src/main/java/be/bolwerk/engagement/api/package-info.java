/** The read-only API of engagements, with the same visibility as the pages. */
package be.bolwerk.engagement.api;

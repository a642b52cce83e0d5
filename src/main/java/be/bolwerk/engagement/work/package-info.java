/** The engagement aggregate, its findings and evidence, their stores, and the use cases with their rules and mails. */
package be.bolwerk.engagement.work;

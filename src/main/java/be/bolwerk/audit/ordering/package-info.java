/** Audit orders: the order and its state machine, its store, the use cases per role, its mails and documents. */
package be.bolwerk.audit.ordering;

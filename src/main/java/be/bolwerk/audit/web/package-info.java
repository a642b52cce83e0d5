/** The pages of audit orders: the lists per role, ordering with a preview, an order with its steps, the downloads. */
package be.bolwerk.audit.web;

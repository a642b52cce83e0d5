/** The framework library pages: every signed-in person browses and exports the frameworks; those allowed import new ones and follow the import's progress. */
package be.bolwerk.framework.web;

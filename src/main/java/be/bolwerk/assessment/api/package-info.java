/** The JSON API of self-evaluations for API clients, with the same rules as the pages. */
package be.bolwerk.assessment.api;

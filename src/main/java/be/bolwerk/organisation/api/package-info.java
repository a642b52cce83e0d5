/** {@code /api/v1/organisations}: the organisations a person may see, as JSON. */
package be.bolwerk.organisation.api;

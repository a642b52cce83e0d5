/** {@code /api/v1/frameworks}: the frameworks and their trees as JSON. */
package be.bolwerk.framework.api;

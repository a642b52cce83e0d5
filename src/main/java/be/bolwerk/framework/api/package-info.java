/** The JSON API that reads the framework library, for API clients. */
package be.bolwerk.framework.api;

/** Read access to budget lines and their ledgers for API clients of the programme office. */
package be.bolwerk.funding.api;

/** Personal API tokens: issuing and revoking them, and authenticating the API's requests that carry one. */
package be.bolwerk.identity.token;

/** Sessions in the database: how long they live, the cookie that carries them, and the list of one's own sessions to end. */
package be.bolwerk.identity.session;

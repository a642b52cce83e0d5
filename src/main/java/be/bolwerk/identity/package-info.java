/**
 * Who may come in and as whom: accounts, personas, memberships of organisations, sign-in and the landing page
 * each persona sees after it.
 */
package be.bolwerk.identity;

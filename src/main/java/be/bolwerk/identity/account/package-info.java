/** Accounts themselves: the aggregate and its repository, the platform admin's administration of accounts and personas, and the very first platform admin. */
package be.bolwerk.identity.account;

/** The ledger: budget lines, their commitments and payments, and the one store that writes them. */
package be.bolwerk.funding.ledger;

/** Who belongs where: members of an organisation, invitations to join one or to take a programme persona, and the first admin of a new organisation. */
package be.bolwerk.identity.membership;

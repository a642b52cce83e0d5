package be.bolwerk.identity.event;

import java.util.UUID;

/** A platform admin removed an account's authenticator and recovery codes; it enrols again at sign-in. */
public record SecondFactorsReset(UUID accountId, String email) {}

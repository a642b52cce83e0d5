package be.bolwerk.identity.event;

import java.time.Instant;

/**
 * Attempts refused because an account or address had to wait, summarised: {@code attempts} refusals between
 * {@code from} and {@code to}. {@code step} says which step was being guessed ("password", "second factor").
 * {@code account} is the name typed, which need not exist.
 */
public record SignInAttemptsRefused(
        String step, String account, String clientAddress, int attempts, Instant from, Instant to) {}

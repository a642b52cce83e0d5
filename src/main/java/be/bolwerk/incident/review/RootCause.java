package be.bolwerk.incident.review;

import java.time.Instant;

/** Why the incident could happen, as the CRT recorded it, and by whom. Public: the lessons page reads it. */
public record RootCause(String text, String recorderName, Instant recordedAt) {}

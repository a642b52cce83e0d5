package be.bolwerk.incident.playbook;

import be.bolwerk.incident.IncidentCategory;
import java.util.UUID;

/** One task template of a category's playbook, due {@code dueHours} after triage. Public because pages read it. */
public record PlaybookTask(
        UUID id, IncidentCategory category, int position, String title, String description, Side side, int dueHours) {}

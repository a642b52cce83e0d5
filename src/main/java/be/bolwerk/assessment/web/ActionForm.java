package be.bolwerk.assessment.web;

import be.bolwerk.assessment.improvement.ImprovementActions;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A new improvement action as the form sends it, all text, checked by {@link #problems}. */
public record ActionForm(String controlRef, String title, String ownerId, String dueDate, String priority)
        implements java.io.Serializable {

    static final int TITLE_MAX = 200;

    List<String> problems(LocalDate today) {
        List<String> problems = new ArrayList<>();
        if (controlRef == null || controlRef.isBlank()) {
            problems.add("assessment.action.controlRequired");
        }
        if (title == null || title.isBlank()) {
            problems.add("assessment.action.titleRequired");
        } else if (title.strip().length() > TITLE_MAX) {
            problems.add("assessment.action.titleTooLong");
        }
        LocalDate due = due();
        if (due == null) {
            problems.add("assessment.action.dueInvalid");
        } else if (due.isBefore(today) || due.isAfter(today.plusYears(5))) {
            problems.add("assessment.action.dueOutOfRange");
        }
        if (chosenPriority() == null) {
            problems.add("assessment.action.priorityRequired");
        }
        if (ownerId != null && !ownerId.isBlank() && owner() == null) {
            problems.add("assessment.action.ownerInvalid");
        }
        return problems;
    }

    public LocalDate due() {
        try {
            return dueDate == null ? null : LocalDate.parse(dueDate.strip());
        } catch (DateTimeParseException malformed) {
            return null;
        }
    }

    public ImprovementActions.Priority chosenPriority() {
        try {
            return priority == null ? null : ImprovementActions.Priority.valueOf(priority.strip());
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    public UUID owner() {
        try {
            return ownerId == null || ownerId.isBlank() ? null : UUID.fromString(ownerId.strip());
        } catch (IllegalArgumentException malformed) {
            return null;
        }
    }
}

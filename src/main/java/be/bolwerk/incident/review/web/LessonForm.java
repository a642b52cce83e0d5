package be.bolwerk.incident.review.web;

import be.bolwerk.incident.IncidentSeverity;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** One lesson as typed on the lessons page; its priority becomes the finding's severity when it is adopted. */
record LessonForm(
        @NotBlank(message = "{incident.review.rule.titleRequired}") @Size(max = 200)
        String title,

        @Size(max = 4000) String detail,

        @NotNull(message = "{incident.review.rule.priorityRequired}")
        IncidentSeverity priority) {

    static LessonForm empty() {
        return new LessonForm("", "", IncidentSeverity.MEDIUM);
    }
}

package be.bolwerk.incident.notice.web;

import jakarta.validation.constraints.Size;

/** A submission of a draft as the form binds it; the moment is Brussels wall time as typed. */
record SubmissionForm(
        String submittedAt,
        @Size(max = 100, message = "{validation.size.max}") String channel,
        @Size(max = 100, message = "{validation.size.max}") String externalReference,
        Boolean phased,
        @Size(max = 2000, message = "{validation.size.max}") String delayReason,
        Integer revision) {}

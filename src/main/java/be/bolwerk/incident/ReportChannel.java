package be.bolwerk.incident;

/** How a report reached the CRT: the organisation's own form, a CRT analyst taking a phone call, or the API. */
public enum ReportChannel {
    FORM,
    PHONE,
    API
}

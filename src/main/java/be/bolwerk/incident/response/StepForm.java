package be.bolwerk.incident.response;

/**
 * One status step: the revision the page showed, and what the step asks for (a reason; an outcome and impact to
 * close; the reference of the other incident to merge into) with the confirmation the final steps require.
 */
public record StepForm(String revision, String reason, String outcome, String impact, String target, String confirmed)
        implements java.io.Serializable {

    static final StepForm EMPTY = new StepForm(null, null, null, null, null, null);

    int revisionNumber() {
        Integer number = Forms.number(revision);
        return number == null ? -1 : number;
    }

    boolean isConfirmed() {
        return "true".equals(confirmed);
    }
}

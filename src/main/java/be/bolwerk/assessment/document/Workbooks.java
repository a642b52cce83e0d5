package be.bolwerk.assessment.document;

import be.bolwerk.assessment.AnswersImported;
import be.bolwerk.assessment.AssessmentExported;
import be.bolwerk.assessment.evaluation.AnswerInput;
import be.bolwerk.assessment.evaluation.Answering;
import be.bolwerk.assessment.evaluation.Evaluations;
import be.bolwerk.assessment.evaluation.SelfEvaluation;
import be.bolwerk.shared.ImportRefused;
import be.bolwerk.shared.Refusal;
import be.bolwerk.shared.security.CurrentUser;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The Excel round trip of an assessment's answers, for its admins. */
@Service
public class Workbooks {

    private final Evaluations evaluations;
    private final Answering answering;
    private final AnswerWorkbook workbook;
    private final ApplicationEventPublisher events;

    Workbooks(Evaluations evaluations, Answering answering, AnswerWorkbook workbook, ApplicationEventPublisher events) {
        this.evaluations = evaluations;
        this.answering = answering;
        this.workbook = workbook;
        this.events = events;
    }

    /** The assessment as its admin exports or imports it; others may not. */
    @Transactional(readOnly = true)
    public SelfEvaluation forAdmin(UUID id, CurrentUser user) {
        SelfEvaluation view = evaluations.view(id, user);
        if (!view.access().admin()) {
            throw new AccessDeniedException("only admins export or import all answers");
        }
        return view;
    }

    /** Writes all answers to a workbook; the export is announced so the audit trail records who took them. */
    public void write(SelfEvaluation view, Locale locale, OutputStream out) throws IOException {
        workbook.write(view, locale, out);
        events.publishEvent(new AssessmentExported(
                view.assessment().assessmentId(),
                view.assessment().organisationId(),
                AssessmentExported.XLSX,
                view.framework().title(),
                view.assessment().year(),
                view.assessment().isDraft()));
    }

    /**
     * Reads the workbook and imports its answers, all or nothing. A refused workbook (its own refusals, not a
     * locked assessment) is announced as {@link ImportRefused}: someone may be trying what the checks let
     * through. The refusal's arguments are the refused rows.
     */
    @Transactional
    public Answering.Imported importAnswers(UUID id, InputStream in, String fileName, Locale locale, CurrentUser user) {
        SelfEvaluation view = forAdmin(id, user);
        try {
            Map<String, AnswerInput> inputs = workbook.read(in, view, locale);
            Answering.Imported imported = answering.importAnswers(id, inputs, user);
            events.publishEvent(new AnswersImported(
                    view.assessment().assessmentId(),
                    view.assessment().organisationId(),
                    view.framework().title(),
                    view.assessment().year(),
                    fileName,
                    imported.saved(),
                    imported.unchanged()));
            return imported;
        } catch (Refusal refusal) {
            if (refusal.kind() == Refusal.Kind.INVALID) {
                events.publishEvent(new ImportRefused(
                        "workbook assessment " + id,
                        refusal.messageKey(),
                        List.of(refusal.arguments()),
                        fileName,
                        view.assessment().organisationId(),
                        user.id()));
            }
            throw refusal;
        }
    }
}

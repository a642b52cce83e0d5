package be.bolwerk.assessment.evidence;

import be.bolwerk.assessment.EvidenceAdded;
import be.bolwerk.assessment.EvidenceRemoved;
import be.bolwerk.assessment.evaluation.Assessment;
import be.bolwerk.assessment.evaluation.AssessmentNotFound;
import be.bolwerk.assessment.evaluation.Evaluations;
import be.bolwerk.assessment.evaluation.SelfEvaluation;
import be.bolwerk.shared.Refusal;
import be.bolwerk.shared.UploadRefused;
import be.bolwerk.shared.security.CurrentUser;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.io.InputStreamSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Adding, listing, downloading and removing the evidence of answers, by whoever may answer (or open) the
 * control's area. A refused file is announced: someone may be trying what the checks let through.
 */
@Service
public class EvidenceFiles {

    /**
     * A file as it was sent: its name and size, its content (read only once the size is known to be allowed),
     * and where it came from for the refusal trace.
     */
    public record Upload(String fileName, long size, InputStreamSource content, String path, String clientAddress) {}

    private final Evaluations evaluations;
    private final Evidence evidence;
    private final ApplicationEventPublisher events;

    EvidenceFiles(Evaluations evaluations, Evidence evidence, ApplicationEventPublisher events) {
        this.evaluations = evaluations;
        this.evidence = evidence;
        this.events = events;
    }

    /** Stores the file; an oversized or refused file is announced as {@link UploadRefused} and refused. */
    @Transactional
    public void addFile(UUID id, String controlRef, Upload upload, CurrentUser user) throws IOException {
        UUID organisation = evaluations.load(id, user).assessment().organisationId();
        try {
            if (upload.size() > Evidence.MAX_BYTES) {
                throw Refusal.invalid("assessment.evidence.size");
            }
            byte[] content;
            try (InputStream in = upload.content().getInputStream()) {
                content = in.readAllBytes();
            }
            Assessment assessment =
                    evaluations.forAnswering(id, controlRef, user).assessment();
            evidence.addFile(assessment, controlRef, upload.fileName(), content, user.id());
            events.publishEvent(new EvidenceAdded(
                    assessment.assessmentId(), organisation, controlRef, Evidence.cleanName(upload.fileName()), true));
        } catch (Refusal refusal) {
            // A locked assessment (a conflict) is no suspicious file; only the file's own refusals are traced.
            if (refusal.kind() == Refusal.Kind.INVALID) {
                events.publishEvent(UploadRefused.of(
                        upload.path(), refusal, upload.fileName(), organisation, upload.clientAddress()));
            }
            throw refusal;
        }
    }

    @Transactional
    public void addLink(UUID id, String controlRef, String title, String url, CurrentUser user) {
        Assessment assessment = evaluations.forAnswering(id, controlRef, user).assessment();
        evidence.addLink(assessment, controlRef, title, url, user.id());
        events.publishEvent(new EvidenceAdded(
                assessment.assessmentId(),
                assessment.organisationId(),
                controlRef,
                title == null || title.isBlank() ? url.strip() : title.strip(),
                false));
    }

    /** The evidence of the controls whose area the person may open, by control ref. */
    @Transactional(readOnly = true)
    public Map<String, List<Evidence.Item>> of(SelfEvaluation view) {
        return evidence.of(view.assessment()).stream()
                .filter(item -> view.mayOpenControl(item.controlRef()))
                .collect(Collectors.groupingBy(Evidence.Item::controlRef, LinkedHashMap::new, Collectors.toList()));
    }

    /** A stored file, for someone who may open the area of its control; unknown otherwise. */
    @Transactional(readOnly = true)
    public Evidence.Download file(UUID id, UUID evidenceId, CurrentUser user) {
        SelfEvaluation view = evaluations.view(id, user);
        String control = evidence.controlOf(view.assessment(), evidenceId).orElseThrow(AssessmentNotFound::new);
        if (!view.mayOpenControl(control)) {
            throw new AssessmentNotFound();
        }
        return evidence.file(view.assessment(), evidenceId).orElseThrow(AssessmentNotFound::new);
    }

    @Transactional
    public void remove(UUID id, UUID evidenceId, CurrentUser user) {
        Evaluations.Checked checked = evaluations.load(id, user);
        String control = evidence.controlOf(checked.assessment(), evidenceId).orElseThrow(AssessmentNotFound::new);
        Assessment assessment = evaluations.forAnswering(id, control, user).assessment();
        String name = evidence.of(assessment).stream()
                .filter(item -> item.id().equals(evidenceId))
                .map(Evidence.Item::name)
                .findFirst()
                .orElse("");
        evidence.remove(assessment, evidenceId);
        events.publishEvent(new EvidenceRemoved(assessment.assessmentId(), assessment.organisationId(), control, name));
    }
}

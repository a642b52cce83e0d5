package be.bolwerk.incident.evidence;

import be.bolwerk.incident.IncidentId;
import be.bolwerk.incident.IncidentNotFound;
import be.bolwerk.incident.Tlp;
import be.bolwerk.incident.event.work.IncidentEvidenceCustody;
import be.bolwerk.incident.handling.Access;
import be.bolwerk.incident.handling.Actor;
import be.bolwerk.incident.handling.IncidentAccess;
import be.bolwerk.shared.Refusal;
import be.bolwerk.shared.UploadRefused;
import be.bolwerk.shared.security.CurrentUser;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.io.InputStreamSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Uploading, listing, downloading and handing over an incident's evidence files, each step written to the file's
 * chain of custody. Everyone who may see the incident may download (and is written down for it); those who may
 * contribute upload and hand over. A refused file is announced ({@link UploadRefused}): it may be someone probing.
 */
@Service
public class IncidentEvidence {

    /** A file as it was sent; its content is read only once its size is known to be allowed. */
    public record Upload(String fileName, long size, InputStreamSource content, String path, String clientAddress) {}

    /** The incident's files with, per file, its chain of custody. */
    public record Listing(List<EvidenceFile> files, Map<UUID, List<Custody>> custody) {

        public List<Custody> custodyOf(EvidenceFile file) {
            return custody.getOrDefault(file.id(), List.of());
        }
    }

    /** A file to send back as an attachment. */
    public record Download(String fileName, byte[] content) {}

    private final IncidentAccess access;
    private final EvidenceStore store;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    IncidentEvidence(IncidentAccess access, EvidenceStore store, ApplicationEventPublisher events, Clock clock) {
        this.access = access;
        this.store = store;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public EvidenceFile upload(IncidentId id, Upload upload, Tlp tlp, String description, CurrentUser user)
            throws IOException {
        IncidentAccess.Loaded loaded = contributor(id, user);
        EvidenceFile file;
        byte[] content;
        try {
            if (upload.size() > EvidenceFile.MAX_BYTES) {
                throw Refusal.invalid(EvidenceFile.TOO_LARGE, EvidenceFile.MAX_BYTES / 1000 / 1000);
            }
            try (InputStream in = upload.content().getInputStream()) {
                content = in.readAllBytes();
            }
            file = EvidenceFile.upload(
                    loaded.incident(), upload.fileName(), content, tlp, description, Actor.of(user), clock.instant());
        } catch (Refusal refusal) {
            events.publishEvent(UploadRefused.of(
                    upload.path(),
                    refusal,
                    upload.fileName(),
                    loaded.incident().organisationId(),
                    upload.clientAddress()));
            throw refusal;
        }
        store.insert(file, content);
        custody(loaded, file, Custody.of(file, CustodyAction.UPLOADED, Actor.of(user), file.uploadedAt()));
        return file;
    }

    @Transactional(readOnly = true)
    public Listing of(IncidentId id, CurrentUser user) {
        Access reader = access.loadWithGuests(id, user).access();
        Map<UUID, List<Custody>> custody = store.custody(id).stream()
                .collect(Collectors.groupingBy(Custody::evidenceId, LinkedHashMap::new, Collectors.toList()));
        return new Listing(
                store.of(id).stream().filter(f -> reader.mayRead(f.tlp())).toList(), custody);
    }

    /** The file's content; the download is written to its chain of custody first. */
    @Transactional
    public Download download(IncidentId id, UUID evidenceId, CurrentUser user) {
        IncidentAccess.Loaded loaded = access.loadWithGuests(id, user);
        EvidenceFile file = store.find(id, evidenceId)
                .filter(f -> loaded.access().mayRead(f.tlp()))
                .orElseThrow(IncidentNotFound::new);
        custody(loaded, file, Custody.of(file, CustodyAction.DOWNLOADED, Actor.of(user), clock.instant()));
        return new Download(file.fileName(), store.content(id, evidenceId));
    }

    @Transactional
    public void handOver(IncidentId id, UUID evidenceId, String to, String reason, CurrentUser user) {
        IncidentAccess.Loaded loaded = contributor(id, user);
        EvidenceFile file = store.find(id, evidenceId)
                .filter(f -> loaded.access().mayRead(f.tlp()))
                .orElseThrow(IncidentNotFound::new);
        custody(loaded, file, Custody.handedOver(file, to, reason, Actor.of(user), clock.instant()));
    }

    /** Whether the file is one of the incident's: 404 otherwise, before a form about it is looked at. */
    @Transactional(readOnly = true)
    public EvidenceFile file(IncidentId id, UUID evidenceId, CurrentUser user) {
        Access reader = access.loadWithGuests(id, user).access();
        return store.find(id, evidenceId).filter(f -> reader.mayRead(f.tlp())).orElseThrow(IncidentNotFound::new);
    }

    private void custody(IncidentAccess.Loaded loaded, EvidenceFile file, Custody custody) {
        store.append(file, custody);
        events.publishEvent(new IncidentEvidenceCustody(
                file.incidentId(),
                file.organisationId(),
                loaded.incident().reference(),
                file.id(),
                file.fileName(),
                file.sha256(),
                custody.action().name(),
                custody.handedTo()));
    }

    /** 404 for an incident the person may not see, 403 when they may only read it: before a form is looked at. */
    @Transactional(readOnly = true)
    public void mayUpload(IncidentId id, CurrentUser user) {
        contributor(id, user);
    }

    private IncidentAccess.Loaded contributor(IncidentId id, CurrentUser user) {
        IncidentAccess.Loaded loaded = access.loadWithGuests(id, user);
        if (!loaded.access().mayContribute()) {
            throw new AccessDeniedException("viewers read the evidence");
        }
        return loaded;
    }
}

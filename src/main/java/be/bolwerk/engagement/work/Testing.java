package be.bolwerk.engagement.work;

import be.bolwerk.engagement.EngagementFindingAccepted;
import be.bolwerk.engagement.EngagementFindingSentBack;
import be.bolwerk.engagement.EngagementFindingSubmitted;
import be.bolwerk.engagement.EngagementId;
import be.bolwerk.identity.ProgrammePeople;
import be.bolwerk.shared.BelgianTime;
import be.bolwerk.shared.Refusal;
import be.bolwerk.shared.UploadRefused;
import be.bolwerk.shared.security.CurrentUser;
import be.bolwerk.shared.security.Persona;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The college's side of an engagement: the supervisor assigns students of the same college and starts the
 * testing; students record findings with evidence; the supervisor reviews each finding and reports when all are
 * reviewed; and anyone testing may stop the engagement at once on signs of an active compromise. Nothing that
 * touches the organisation's systems happens without a valid signature of the scope as it is now.
 */
@Service
public class Testing {

    public static final String NOT_A_STUDENT = "engagement.assign.notStudent";
    public static final String REMARK_REQUIRED = "engagement.review.remark";

    /** A file as it was sent, with where it came from for the refusal trace. */
    public record Upload(String fileName, byte[] content, String path, String clientAddress) {}

    private final EngagementStore store;
    private final FindingStore findings;
    private final EngagementAccess access;
    private final EngagementMails mails;
    private final ProgrammePeople people;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Testing(
            EngagementStore store,
            FindingStore findings,
            EngagementAccess access,
            EngagementMails mails,
            ProgrammePeople people,
            ApplicationEventPublisher events,
            Clock clock) {
        this.store = store;
        this.findings = findings;
        this.access = access;
        this.mails = mails;
        this.people = people;
        this.events = events;
        this.clock = clock;
    }

    /** The students of the supervisor's college, who may be assigned. */
    @Transactional(readOnly = true)
    public List<ProgrammePeople.Holder> studentsOf(String college) {
        return people.holding(Persona.STUDENT).stream()
                .filter(h -> college.equals(h.affiliation()))
                .toList();
    }

    @Transactional
    public void assign(EngagementId id, Set<UUID> accounts, CurrentUser user) {
        Engagement engagement = forSupervisor(id, user);
        List<ProgrammePeople.Holder> candidates = studentsOf(engagement.college());
        List<EngagementStore.Student> chosen = new ArrayList<>();
        Instant now = clock.instant();
        for (UUID account : accounts) {
            ProgrammePeople.Holder holder = candidates.stream()
                    .filter(h -> h.accountId().equals(account))
                    .findFirst()
                    .orElseThrow(() -> Refusal.invalid(NOT_A_STUDENT));
            chosen.add(new EngagementStore.Student(holder.accountId(), holder.displayName(), now));
        }
        if (chosen.isEmpty()) {
            throw Refusal.invalid(NOT_A_STUDENT);
        }
        engagement.assign(chosen.stream().map(EngagementStore.Student::name).toList(), Person.of(user), now);
        List<String> added = store.assign(id, chosen, user.id());
        if (added.isEmpty()) {
            throw Refusal.conflict("engagement.assign.already");
        }
        store.update(engagement);
        mails.assigned(
                engagement,
                chosen.stream()
                        .filter(s -> added.contains(s.name()))
                        .map(EngagementStore.Student::accountId)
                        .toList());
        engagement.events().forEach(events::publishEvent);
    }

    @Transactional
    public void start(EngagementId id, CurrentUser user) {
        Engagement engagement = forSupervisor(id, user);
        engagement.start(!store.students(id).isEmpty(), Person.of(user), clock.instant());
        store.update(engagement);
        mails.started(engagement);
        engagement.events().forEach(events::publishEvent);
    }

    /** A student's finding, with an optional evidence file; waits for the supervisor's review. */
    @Transactional
    public UUID submit(
            EngagementId id,
            String title,
            Finding.Severity severity,
            String description,
            Upload evidence,
            CurrentUser user) {
        EngagementAccess.Loaded loaded = access.load(id, user);
        if (!loaded.access().student()) {
            throw new AccessDeniedException("only an assigned student records findings");
        }
        Engagement engagement = loaded.engagement();
        engagement.requireWork();
        Instant now = clock.instant();
        Finding finding = Finding.submit(engagement, title, severity, description, Person.of(user), now);
        findings.insert(finding);
        if (evidence != null) {
            attach(engagement, finding, evidence, user, now);
        }
        noteInHistory(engagement, finding, Step.Kind.FINDING_SUBMITTED, null, user, now);
        mails.findingSubmitted(engagement, finding);
        events.publishEvent(
                new EngagementFindingSubmitted(id, engagement.organisationId(), finding.id(), finding.title()));
        return finding.id();
    }

    /** Another evidence file for a finding of the student's that is not accepted yet. */
    @Transactional
    public void addEvidence(EngagementId id, UUID findingId, Upload evidence, CurrentUser user) {
        EngagementAccess.Loaded loaded = access.load(id, user);
        if (!loaded.access().student()) {
            throw new AccessDeniedException("only an assigned student adds evidence");
        }
        loaded.engagement().requireWork();
        Finding finding = findings.find(id, findingId).orElseThrow(EngagementNotFound::new);
        if (finding.state() == Finding.State.ACCEPTED) {
            throw Refusal.conflict(Finding.NOT_SENT_BACK);
        }
        attach(loaded.engagement(), finding, evidence, user, clock.instant());
    }

    @Transactional
    public void resubmit(
            EngagementId id,
            UUID findingId,
            String title,
            Finding.Severity severity,
            String description,
            CurrentUser user) {
        EngagementAccess.Loaded loaded = access.load(id, user);
        if (!loaded.access().student()) {
            throw new AccessDeniedException("only an assigned student resubmits findings");
        }
        Engagement engagement = loaded.engagement();
        engagement.requireWork();
        Finding finding = findings.find(id, findingId).orElseThrow(EngagementNotFound::new);
        Instant now = clock.instant();
        Finding improved = finding.resubmit(title, severity, description, now);
        findings.update(improved, finding.state());
        noteInHistory(engagement, improved, Step.Kind.FINDING_SUBMITTED, null, user, now);
        mails.findingSubmitted(engagement, improved);
        events.publishEvent(
                new EngagementFindingSubmitted(id, engagement.organisationId(), finding.id(), improved.title()));
    }

    /** Accept, or send back with a remark the student reads. */
    @Transactional
    public void review(EngagementId id, UUID findingId, boolean accept, String remark, CurrentUser user) {
        Engagement engagement = forSupervisor(id, user);
        engagement.requireReview();
        Finding finding = findings.find(id, findingId).orElseThrow(EngagementNotFound::new);
        Instant now = clock.instant();
        if (accept) {
            Finding accepted = finding.accept(Person.of(user), now);
            findings.update(accepted, finding.state());
            noteInHistory(engagement, accepted, Step.Kind.FINDING_ACCEPTED, null, user, now);
            mails.findingAccepted(engagement, accepted);
            events.publishEvent(new EngagementFindingAccepted(
                    id,
                    engagement.organisationId(),
                    accepted.id(),
                    accepted.title(),
                    accepted.severity().name(),
                    accepted.description()));
        } else {
            if (remark == null || remark.isBlank()) {
                throw Refusal.invalid(REMARK_REQUIRED);
            }
            Finding sentBack = finding.sendBack(remark, Person.of(user), now);
            findings.update(sentBack, finding.state());
            noteInHistory(engagement, sentBack, Step.Kind.FINDING_SENT_BACK, remark.strip(), user, now);
            mails.findingSentBack(engagement, sentBack);
            events.publishEvent(new EngagementFindingSentBack(
                    id, engagement.organisationId(), sentBack.id(), sentBack.title(), sentBack.remark()));
        }
    }

    @Transactional
    public void report(EngagementId id, CurrentUser user) {
        Engagement engagement = forSupervisor(id, user);
        List<Finding> all = findings.of(id);
        int open = (int)
                all.stream().filter(f -> f.state() != Finding.State.ACCEPTED).count();
        int accepted = all.size() - open;
        engagement.report(open, accepted, Person.of(user), clock.instant());
        store.update(engagement);
        mails.reported(engagement, accepted);
        engagement.events().forEach(events::publishEvent);
    }

    /**
     * The stop rule: one step, by a student or supervisor of the engagement, with what they saw. The state
     * changes at once; a stop must never be lost to a concurrent edit, so when someone changed the engagement in
     * between it is reloaded and stopped again.
     */
    @Transactional
    public void stop(EngagementId id, String description, CurrentUser user) {
        if (description == null || description.isBlank()) {
            throw Refusal.invalid("engagement.stop.description");
        }
        EngagementAccess.Loaded loaded = access.load(id, user);
        if (!loaded.access().mayStop()) {
            throw new AccessDeniedException("only those testing stop an engagement");
        }
        Engagement engagement = loaded.engagement();
        for (int attempt = 1; ; attempt++) {
            try {
                engagement.stopForCompromise(
                        description.strip(), Person.of(user), clock.instant(), BelgianTime.today(clock));
                store.update(engagement);
                break;
            } catch (Refusal stale) {
                if (!stale.is(EngagementStore.STALE) || attempt == 3) {
                    throw stale;
                }
                engagement = store.find(id).orElseThrow(EngagementNotFound::new);
            }
        }
        mails.stopped(engagement, description.strip(), Person.of(user).name());
        engagement.events().forEach(events::publishEvent);
    }

    private void attach(Engagement engagement, Finding finding, Upload upload, CurrentUser user, Instant now) {
        Files.Checked checked;
        try {
            checked = Files.evidence(upload.fileName(), upload.content());
        } catch (Refusal refused) {
            events.publishEvent(UploadRefused.of(
                    upload.path(), refused, upload.fileName(), engagement.organisationId(), upload.clientAddress()));
            throw refused;
        }
        findings.addEvidence(finding, checked.name(), checked.contentType(), upload.content(), user.id(), now);
    }

    /** A finding's step joins the engagement's history; writing it also moves the engagement's version on. */
    private void noteInHistory(
            Engagement engagement, Finding finding, Step.Kind kind, String note, CurrentUser user, Instant at) {
        Person by = Person.of(user);
        engagement.noteFinding(
                new Step(kind, by.id(), by.name(), at, note == null ? finding.title() : finding.title() + ": " + note));
        store.update(engagement);
    }

    private Engagement forSupervisor(EngagementId id, CurrentUser user) {
        EngagementAccess.Loaded loaded = access.load(id, user);
        if (!loaded.access().supervisor()) {
            throw new AccessDeniedException("not a supervisor of the engagement's college");
        }
        return loaded.engagement();
    }
}

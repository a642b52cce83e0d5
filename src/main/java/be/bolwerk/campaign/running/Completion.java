package be.bolwerk.campaign.running;

import be.bolwerk.assessment.AssessmentProgress;
import be.bolwerk.assessment.AssessmentProgress.Progress;
import be.bolwerk.campaign.CampaignId;
import be.bolwerk.framework.FrameworkVersionId;
import be.bolwerk.framework.Frameworks;
import be.bolwerk.organisation.OrganisationDirectory;
import be.bolwerk.organisation.OrganisationListItem;
import be.bolwerk.organisation.OrganisationSearch;
import be.bolwerk.organisation.OrganisationType;
import be.bolwerk.shared.BelgianTime;
import be.bolwerk.shared.Paged;
import be.bolwerk.shared.security.CurrentUser;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How far each invited organisation got: not started, in progress (x of n answered) or submitted, with its
 * last activity, deadline and last reminder. A campaign invites a few hundred organisations at most, so the
 * rows are joined, filtered, sorted and paged in memory from three set-based reads (participants, progress,
 * reminders) instead of one query across three modules' tables.
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize("hasRole('PROGRAMME_OFFICER')")
public class Completion {

    public enum State {
        NOT_STARTED,
        IN_PROGRESS,
        SUBMITTED
    }

    /** Which organisations: those that have not submitted yet (reminders go to them), or all. */
    public enum Filter {
        BEHIND,
        ALL
    }

    /** The columns the overview sorts by. */
    public enum Sort {
        NAME,
        STATE,
        PROGRESS,
        ACTIVITY,
        DEADLINE
    }

    public record Question(Filter filter, Sort sort, boolean descending, int page, int size) {

        public static final int DEFAULT_SIZE = 25;

        public Question {
            filter = filter == null ? Filter.BEHIND : filter;
            sort = sort == null ? Sort.NAME : sort;
            page = Math.max(0, page);
            size = size < 10 || size > 100 ? DEFAULT_SIZE : size;
        }
    }

    /**
     * One invited organisation.
     *
     * @param assessmentId its self-evaluation of the campaign's framework and year; null when not started
     * @param lastActivity the latest of starting, an answer and submitting; null when not started
     * @param late not submitted and its deadline has passed
     */
    public record Row(
            UUID organisationId,
            String organisation,
            OrganisationType type,
            State state,
            int answered,
            int controls,
            Instant lastActivity,
            LocalDate deadline,
            String extensionReason,
            Instant lastReminder,
            UUID assessmentId,
            boolean late) {}

    /** The whole overview: counts over every invited organisation, and one page of the rows asked for. */
    public record Overview(
            Campaign campaign, String framework, Map<State, Long> counts, int invited, Paged<Row> rows) {}

    private final CampaignStore store;
    private final AssessmentProgress progress;
    private final Frameworks frameworks;
    private final OrganisationDirectory organisations;
    private final Clock clock;

    Completion(
            CampaignStore store,
            AssessmentProgress progress,
            Frameworks frameworks,
            OrganisationDirectory organisations,
            Clock clock) {
        this.store = store;
        this.progress = progress;
        this.frameworks = frameworks;
        this.organisations = organisations;
        this.clock = clock;
    }

    public Campaign campaign(CampaignId id) {
        return store.find(id).orElseThrow(CampaignNotFound::new);
    }

    public List<Campaign> campaigns() {
        return store.all();
    }

    /** The framework's title and version, as the mails name it. */
    public String framework(Campaign campaign) {
        return framework(campaign.frameworkVersionId());
    }

    public Participant participant(CampaignId id, UUID organisationId) {
        return store.participant(id, organisationId).orElseThrow(CampaignNotFound::new);
    }

    public Overview of(CampaignId id, Question question, CurrentUser officer) {
        Campaign campaign = campaign(id);
        List<Row> all = rows(campaign, officer);
        Map<State, Long> counts = all.stream().collect(Collectors.groupingBy(Row::state, Collectors.counting()));
        List<Row> chosen = chosen(all, question);
        int from = Math.min(chosen.size(), question.page() * question.size());
        int to = Math.min(chosen.size(), from + question.size());
        return new Overview(
                campaign,
                framework(campaign),
                counts,
                all.size(),
                new Paged<>(chosen.subList(from, to), question.page(), question.size(), chosen.size()));
    }

    /** Every row the question selects, in its order, for the export. */
    public List<Row> matching(CampaignId id, Question question, CurrentUser officer) {
        return chosen(rows(campaign(id), officer), question);
    }

    private List<Row> chosen(List<Row> all, Question question) {
        Comparator<Row> order = comparator(question.sort());
        if (question.descending()) {
            order = order.reversed();
        }
        return all.stream()
                .filter(row -> question.filter() == Filter.ALL || row.state() != State.SUBMITTED)
                .sorted(order.thenComparing(Row::organisation, String.CASE_INSENSITIVE_ORDER))
                .toList();
    }

    private static Comparator<Row> comparator(Sort sort) {
        return switch (sort) {
            case NAME -> Comparator.comparing(Row::organisation, String.CASE_INSENSITIVE_ORDER);
            case STATE -> Comparator.comparing(Row::state);
            case PROGRESS ->
                Comparator.comparingDouble(row -> row.controls() == 0 ? 0 : (double) row.answered() / row.controls());
            // Never active sorts as the least recent activity.
            case ACTIVITY -> Comparator.comparing(Row::lastActivity, Comparator.nullsFirst(Comparator.naturalOrder()));
            case DEADLINE -> Comparator.comparing(Row::deadline);
        };
    }

    private List<Row> rows(Campaign campaign, CurrentUser officer) {
        Map<UUID, OrganisationListItem> visible = organisations
                .matching(new OrganisationSearch("", null, "name", false, 0, OrganisationSearch.MAX_SIZE), officer)
                .stream()
                .collect(Collectors.toMap(o -> o.id().value(), Function.identity(), (a, b) -> a));
        Map<UUID, Progress> progressOf = progress.of(campaign.frameworkVersionId(), campaign.year());
        Map<UUID, Instant> reminders = store.lastReminders(campaign.id());
        int controls = frameworks
                .find(new FrameworkVersionId(campaign.frameworkVersionId()))
                .map(f -> f.controls().size())
                .orElse(0);
        LocalDate today = BelgianTime.today(clock);
        return store.participants(campaign.id()).stream()
                .filter(p -> visible.containsKey(p.organisationId()))
                .map(p -> {
                    OrganisationListItem organisation = visible.get(p.organisationId());
                    Progress own = progressOf.get(p.organisationId());
                    State state =
                            own == null ? State.NOT_STARTED : own.submitted() ? State.SUBMITTED : State.IN_PROGRESS;
                    return new Row(
                            p.organisationId(),
                            organisation.name(),
                            organisation.type(),
                            state,
                            own == null ? 0 : Math.min(own.answered(), controls),
                            controls,
                            own == null ? null : own.lastActivity(),
                            p.deadline(),
                            p.extensionReason(),
                            reminders.get(p.organisationId()),
                            own == null ? null : own.assessmentId().value(),
                            state != State.SUBMITTED && p.deadline().isBefore(today));
                })
                .toList();
    }

    private String framework(UUID frameworkVersionId) {
        return frameworks
                .find(new FrameworkVersionId(frameworkVersionId))
                .map(Opening::title)
                .orElse("");
    }
}

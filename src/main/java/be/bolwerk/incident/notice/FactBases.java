package be.bolwerk.incident.notice;

import be.bolwerk.incident.Answer;
import be.bolwerk.incident.IncidentStatus;
import be.bolwerk.incident.Tlp;
import be.bolwerk.incident.handling.Incident;
import be.bolwerk.incident.handling.Report;
import be.bolwerk.incident.obligation.IncidentFacts;
import be.bolwerk.incident.review.Lesson;
import be.bolwerk.incident.review.RootCause;
import be.bolwerk.incident.timeline.Asset;
import be.bolwerk.incident.timeline.Compromise;
import be.bolwerk.incident.timeline.Indicator;
import be.bolwerk.shared.BelgianTime;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Turns the incident as it is now into its {@link FactBase}: the report as sent, the facts that start the clocks
 * (Brussels time), the handling (outcome and impact once closed), the affected assets counted by compromise status,
 * the indicators except TLP:RED ones, the root cause and the lessons. Pure: the words come from {@link Words}, so the
 * rules (RED indicators never in) are tested without Spring.
 */
final class FactBases {

    /** The Dutch text of a message key with its arguments. */
    @FunctionalInterface
    interface Words {
        String of(String key, Object... arguments);
    }

    /** What the fact base is drawn from, each read through the incident's access rules by the caller. */
    record Sources(
            Incident incident,
            String organisationName,
            IncidentFacts.Values facts,
            List<Asset> assets,
            List<Indicator> indicators,
            Optional<RootCause> rootCause,
            List<Lesson> lessons) {}

    private static final DateTimeFormatter SHOWN =
            DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm").withZone(BelgianTime.ZONE);

    private FactBases() {}

    static FactBase of(Sources s, Words words) {
        Incident incident = s.incident();
        Report report = incident.report();
        IncidentFacts.Values facts = s.facts();
        Map<NoticeField, String> v = new EnumMap<>(NoticeField.class);
        v.put(NoticeField.WHAT_HAPPENED, report.whatHappened());
        v.put(
                NoticeField.STARTED_NOTICED,
                words.of(
                        "incident.notice.value.startedNoticed",
                        moment(report.startedAt(), words),
                        moment(report.noticedAt(), words)));
        v.put(NoticeField.HOW_NOTICED, report.howNoticed());
        v.put(NoticeField.ONGOING, answer(report.ongoing(), words));
        v.put(NoticeField.SYSTEMS, report.affectedSystems());
        Answer personalData =
                facts.personalDataBreach() != Answer.UNKNOWN ? facts.personalDataBreach() : report.personalData();
        v.put(NoticeField.PERSONAL_DATA, answer(personalData, words));
        v.put(NoticeField.CITIZENS_AFFECTED, answer(report.citizensAffected(), words));
        v.put(NoticeField.ACTIONS_TAKEN, report.actionsTaken());
        v.put(NoticeField.ALREADY_INFORMED, report.alreadyInformed());
        v.put(NoticeField.RANSOMWARE, ransomware(report, words));
        v.put(NoticeField.POLICE_COMPLAINT, report.policeComplaintNumber());
        v.put(NoticeField.INSURER_POLICY, insurer(report, words));
        v.put(NoticeField.DETECTED_AT, format(facts.detectedAt()));
        v.put(NoticeField.BECAME_AWARE_AT, format(facts.becameAwareAt()));
        v.put(NoticeField.PERSONAL_DATA_KNOWN_AT, format(facts.personalDataKnownAt()));
        v.put(NoticeField.STARTED_AT, format(facts.startedAt()));
        v.put(NoticeField.RESOLVED_AT, format(facts.resolvedAt()));
        v.put(
                NoticeField.CATEGORY,
                incident.category() == null ? null : words.of("incident.category." + incident.category()));
        v.put(
                NoticeField.SEVERITY,
                incident.severity() == null ? null : words.of("incident.severity." + incident.severity()));
        v.put(NoticeField.STATUS, words.of("incident.status." + incident.status()));
        // Outcome and impact are the closing's words: before it they would be guesses.
        boolean closed = incident.status() == IncidentStatus.CLOSED;
        v.put(NoticeField.OUTCOME, closed ? incident.outcome() : null);
        v.put(NoticeField.IMPACT, closed ? incident.impact() : null);
        v.put(NoticeField.ASSETS, assets(s.assets(), words));
        v.put(NoticeField.INDICATORS, indicators(s.indicators(), words));
        v.put(NoticeField.ROOT_CAUSE, s.rootCause().map(RootCause::text).orElse(null));
        v.put(
                NoticeField.LESSONS,
                s.lessons().isEmpty()
                        ? null
                        : s.lessons().stream().map(l -> "- " + l.title()).collect(Collectors.joining("\n")));
        return new FactBase(incident.tlp(), incident.reference(), s.organisationName(), v);
    }

    private static String answer(Answer answer, Words words) {
        return answer == null ? null : words.of("incident.answer." + answer);
    }

    private static String moment(Instant instant, Words words) {
        return instant == null ? words.of("incident.notice.text.unknown") : SHOWN.format(instant);
    }

    private static String format(Instant instant) {
        return instant == null ? null : SHOWN.format(instant);
    }

    private static String ransomware(Report report, Words words) {
        if (!report.ransomware()) {
            return words.of("incident.notice.value.noRansomware");
        }
        Report.Ransomware r =
                report.ransomwareDetails() == null ? Report.Ransomware.UNKNOWN : report.ransomwareDetails();
        return String.join(
                "\n",
                words.of("incident.field.ransomNote") + " " + answer(r.ransomNote(), words),
                words.of("incident.field.leakSiteClaim") + " " + answer(r.leakSiteClaim(), words),
                words.of("incident.field.backupsAffected") + " " + answer(r.backupsAffected(), words),
                words.of("incident.field.adminAccountsCompromised") + " " + answer(r.adminAccountsCompromised(), words),
                words.of("incident.field.systemsIsolated") + " " + answer(r.systemsIsolated(), words));
    }

    private static String insurer(Report report, Words words) {
        boolean noInsurer = report.insurer() == null || report.insurer().isBlank();
        boolean noPolicy =
                report.insurerPolicy() == null || report.insurerPolicy().isBlank();
        if (noInsurer && noPolicy) {
            return null;
        }
        return words.of(
                "incident.notice.value.insurer",
                noInsurer
                        ? words.of("incident.notice.text.unknown")
                        : report.insurer().strip(),
                noPolicy
                        ? words.of("incident.notice.text.unknown")
                        : report.insurerPolicy().strip());
    }

    private static String assets(List<Asset> assets, Words words) {
        if (assets.isEmpty()) {
            return null;
        }
        Map<Compromise, Long> counts = assets.stream()
                .collect(Collectors.groupingBy(
                        Asset::status, () -> new EnumMap<>(Compromise.class), Collectors.counting()));
        return words.of(
                "incident.notice.value.assets",
                counts.getOrDefault(Compromise.COMPROMISED, 0L),
                counts.getOrDefault(Compromise.NOT_COMPROMISED, 0L),
                counts.getOrDefault(Compromise.TO_BE_DETERMINED, 0L));
    }

    /** One line per indicator, type and value; TLP:RED ones are for the people present only and never go out. */
    private static String indicators(List<Indicator> indicators, Words words) {
        List<String> lines = indicators.stream()
                .filter(i -> i.tlp() != Tlp.RED)
                .map(i -> "- " + words.of("incident.indicator.type." + i.type()) + ": " + i.value() + " ("
                        + i.tlp().label() + ")")
                .toList();
        return lines.isEmpty() ? null : String.join("\n", lines);
    }
}

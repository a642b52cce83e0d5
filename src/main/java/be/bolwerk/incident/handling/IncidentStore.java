package be.bolwerk.incident.handling;

import be.bolwerk.incident.Answer;
import be.bolwerk.incident.IncidentCategory;
import be.bolwerk.incident.IncidentId;
import be.bolwerk.incident.IncidentSeverity;
import be.bolwerk.incident.IncidentStatus;
import be.bolwerk.incident.ReportChannel;
import be.bolwerk.incident.Tlp;
import be.bolwerk.shared.Refusal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The one class that writes the incident table (ADR 0002). A report is inserted at most once per submission key
 * (the unique constraint decides, so two requests racing with the same key leave one incident); saving the
 * handling part is a conditional write on the revision that was loaded, so of two analysts acting at once the second
 * is refused and sees the new state.
 */
@Repository
public class IncidentStore {

    static final String STALE = "incident.rule.stale";

    private static final String COLUMNS = """
            id, organisation_id, reference, submission_key, channel, reported_by, reporter_name, reported_at,
            what_happened, started_at, noticed_at, how_noticed, ongoing, affected_systems, personal_data,
            citizens_affected, actions_taken, already_informed, callback_phone, ransomware, ransom_note,
            leak_site_claim, backups_affected, admin_accounts_compromised, systems_isolated, police_complaint_number,
            insurer, insurer_policy, insurer_notified_at, severity, category, lead_analyst_id, lead_analyst_name, tlp,
            status, status_before_hold, status_reason, merged_into, outcome, impact, triaged_at, first_response_at,
            contained_at, closed_at, revision""";

    private final JdbcClient jdbc;

    IncidentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Incident> find(IncidentId id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM incident WHERE id = :id")
                .param("id", id.value())
                .query((rs, row) -> incident(rs))
                .optional();
    }

    /** The incident a form with this key created, if it did: what a repeated submission answers with. */
    public Optional<Incident> bySubmission(UUID submissionKey) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM incident WHERE submission_key = :key")
                .param("key", submissionKey)
                .query((rs, row) -> incident(rs))
                .optional();
    }

    /**
     * Stores a new incident, or answers the one stored before with the same submission key (then nothing is
     * written and the caller must not publish the new incident's events). In the rare case that the reference is
     * taken by another incident, the incident gets a fresh one.
     */
    public Stored insert(Incident incident) {
        Incident candidate = incident;
        for (int attempt = 0; attempt < 5; attempt++) {
            int written = jdbc.sql("INSERT INTO incident (" + COLUMNS + ") VALUES (:id, :org, :reference, :key,"
                            + " :channel, :reportedBy, :reporterName, :reportedAt, :whatHappened, :startedAt,"
                            + " :noticedAt, :howNoticed, :ongoing, :affectedSystems, :personalData,"
                            + " :citizensAffected, :actionsTaken, :alreadyInformed, :callbackPhone, :ransomware,"
                            + " :ransomNote, :leakSiteClaim, :backupsAffected, :adminAccountsCompromised,"
                            + " :systemsIsolated, :policeComplaintNumber, :insurer, :insurerPolicy,"
                            + " :insurerNotifiedAt, :severity, :category, :leadAnalystId, :leadAnalystName, :tlp,"
                            + " :status, :statusBeforeHold, :statusReason, :mergedInto, :outcome, :impact,"
                            + " :triagedAt, :firstResponseAt, :containedAt, :closedAt, 0) ON CONFLICT DO NOTHING")
                    .params(reportParams(candidate.reported()))
                    .params(handlingParams(candidate.handling()))
                    .update();
            if (written == 1) {
                return new Stored(candidate, true);
            }
            Optional<Incident> before = bySubmission(candidate.reported().submissionKey());
            if (before.isPresent()) {
                return new Stored(before.get(), false);
            }
            candidate = candidate.withFreshReference();
        }
        throw new IllegalStateException("no free incident reference after five attempts");
    }

    /** What {@link #insert} did: the incident as stored, and whether this call created it. */
    public record Stored(Incident incident, boolean created) {}

    /** Writes the handling part if nobody changed the incident since it was loaded; refused otherwise. */
    public void update(Incident incident) {
        int written = jdbc.sql("""
                        UPDATE incident SET severity = :severity, category = :category,
                            lead_analyst_id = :leadAnalystId, lead_analyst_name = :leadAnalystName, tlp = :tlp,
                            status = :status, status_before_hold = :statusBeforeHold, status_reason = :statusReason,
                            merged_into = :mergedInto, outcome = :outcome, impact = :impact, triaged_at = :triagedAt,
                            first_response_at = :firstResponseAt, contained_at = :containedAt, closed_at = :closedAt,
                            revision = revision + 1
                        WHERE id = :id AND revision = :revision
                        """)
                .params(handlingParams(incident.handling()))
                .param("id", incident.id().value())
                .param("revision", incident.revision())
                .update();
        if (written != 1) {
            throw Refusal.conflict(STALE);
        }
        for (IncidentStep step : incident.newSteps()) {
            jdbc.sql("""
                            INSERT INTO incident_step (incident_id, seq, step, from_status, to_status, actor_id,
                                actor_name, at, reason)
                            SELECT :id, COALESCE(MAX(seq), 0) + 1, :step, :from, :to, :actorId, :actorName, :at,
                                :reason
                            FROM incident_step WHERE incident_id = :id
                            """)
                    .param("id", incident.id().value())
                    .param("step", step.kind().name())
                    .param("from", step.from().name())
                    .param("to", step.to().name())
                    .param("actorId", step.actorId())
                    .param("actorName", cut(step.actorName(), 200))
                    .param("at", utc(step.at()))
                    .param("reason", cut(step.reason(), 4000))
                    .update();
        }
    }

    /** The incident's step history, oldest first. */
    public List<IncidentStep> steps(IncidentId id) {
        return jdbc.sql("""
                        SELECT seq, step, from_status, to_status, actor_id, actor_name, at, reason
                        FROM incident_step WHERE incident_id = :id ORDER BY seq
                        """)
                .param("id", id.value())
                .query((rs, row) -> new IncidentStep(
                        rs.getInt("seq"),
                        IncidentStep.Kind.valueOf(rs.getString("step")),
                        IncidentStatus.valueOf(rs.getString("from_status")),
                        IncidentStatus.valueOf(rs.getString("to_status")),
                        rs.getObject("actor_id", UUID.class),
                        rs.getString("actor_name"),
                        instant(rs, "at"),
                        rs.getString("reason")))
                .list();
    }

    /** The incident people name by this reference (INC-…), case and surrounding blanks ignored. */
    public Optional<Incident> byReference(String reference) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM incident WHERE reference = :reference")
                .param("reference", reference.strip().toUpperCase(java.util.Locale.ROOT))
                .query((rs, row) -> incident(rs))
                .optional();
    }

    private static Map<String, Object> reportParams(Incident.Reported r) {
        Report report = r.report();
        Report.Ransomware ransom = report.ransomwareDetails();
        Map<String, Object> p = new HashMap<>();
        p.put("id", r.id().value());
        p.put("org", r.organisationId());
        p.put("reference", r.reference());
        p.put("key", r.submissionKey());
        p.put("channel", r.channel().name());
        p.put("reportedBy", r.reporter().id());
        p.put("reporterName", cut(r.reporter().name(), 200));
        p.put("reportedAt", utc(r.reportedAt()));
        p.put("whatHappened", cut(report.whatHappened(), 4000));
        p.put("startedAt", utc(report.startedAt()));
        p.put("noticedAt", utc(report.noticedAt()));
        p.put("howNoticed", cut(report.howNoticed(), 2000));
        p.put("ongoing", name(report.ongoing()));
        p.put("affectedSystems", cut(report.affectedSystems(), 2000));
        p.put("personalData", name(report.personalData()));
        p.put("citizensAffected", name(report.citizensAffected()));
        p.put("actionsTaken", cut(report.actionsTaken(), 2000));
        p.put("alreadyInformed", cut(report.alreadyInformed(), 2000));
        p.put("callbackPhone", cut(report.callbackPhone(), 40));
        p.put("ransomware", report.ransomware());
        p.put("ransomNote", ransom == null ? null : name(ransom.ransomNote()));
        p.put("leakSiteClaim", ransom == null ? null : name(ransom.leakSiteClaim()));
        p.put("backupsAffected", ransom == null ? null : name(ransom.backupsAffected()));
        p.put("adminAccountsCompromised", ransom == null ? null : name(ransom.adminAccountsCompromised()));
        p.put("systemsIsolated", ransom == null ? null : name(ransom.systemsIsolated()));
        p.put("policeComplaintNumber", cut(report.policeComplaintNumber(), 60));
        p.put("insurer", cut(report.insurer(), 200));
        p.put("insurerPolicy", cut(report.insurerPolicy(), 100));
        p.put("insurerNotifiedAt", utc(report.insurerNotifiedAt()));
        return p;
    }

    private static Map<String, Object> handlingParams(Incident.Handling h) {
        Map<String, Object> p = new HashMap<>();
        p.put("severity", name(h.severity()));
        p.put("category", name(h.category()));
        p.put("leadAnalystId", h.leadAnalyst() == null ? null : h.leadAnalyst().id());
        p.put(
                "leadAnalystName",
                h.leadAnalyst() == null ? null : cut(h.leadAnalyst().name(), 200));
        p.put("tlp", h.tlp().name());
        p.put("status", h.status().name());
        p.put("statusBeforeHold", name(h.statusBeforeHold()));
        p.put("statusReason", cut(h.statusReason(), 2000));
        p.put("mergedInto", h.mergedInto() == null ? null : h.mergedInto().value());
        p.put("outcome", cut(h.outcome(), 4000));
        p.put("impact", cut(h.impact(), 4000));
        p.put("triagedAt", utc(h.triagedAt()));
        p.put("firstResponseAt", utc(h.firstResponseAt()));
        p.put("containedAt", utc(h.containedAt()));
        p.put("closedAt", utc(h.closedAt()));
        return p;
    }

    static Incident incident(ResultSet rs) throws SQLException {
        boolean ransomware = rs.getBoolean("ransomware");
        Report report = new Report(
                rs.getString("what_happened"),
                instant(rs, "started_at"),
                instant(rs, "noticed_at"),
                rs.getString("how_noticed"),
                Answer.valueOf(rs.getString("ongoing")),
                rs.getString("affected_systems"),
                Answer.valueOf(rs.getString("personal_data")),
                Answer.valueOf(rs.getString("citizens_affected")),
                rs.getString("actions_taken"),
                rs.getString("already_informed"),
                rs.getString("callback_phone"),
                ransomware,
                ransomware
                        ? new Report.Ransomware(
                                answer(rs, "ransom_note"),
                                answer(rs, "leak_site_claim"),
                                answer(rs, "backups_affected"),
                                answer(rs, "admin_accounts_compromised"),
                                answer(rs, "systems_isolated"))
                        : null,
                rs.getString("police_complaint_number"),
                rs.getString("insurer"),
                rs.getString("insurer_policy"),
                instant(rs, "insurer_notified_at"));
        Incident.Reported reported = new Incident.Reported(
                new IncidentId(rs.getObject("id", UUID.class)),
                rs.getObject("organisation_id", UUID.class),
                rs.getString("reference"),
                rs.getObject("submission_key", UUID.class),
                ReportChannel.valueOf(rs.getString("channel")),
                new Actor(rs.getObject("reported_by", UUID.class), rs.getString("reporter_name")),
                instant(rs, "reported_at"),
                report);
        UUID lead = rs.getObject("lead_analyst_id", UUID.class);
        UUID merged = rs.getObject("merged_into", UUID.class);
        Incident.Handling handling = new Incident.Handling(
                rs.getString("severity") == null ? null : IncidentSeverity.valueOf(rs.getString("severity")),
                rs.getString("category") == null ? null : IncidentCategory.valueOf(rs.getString("category")),
                lead == null ? null : new Actor(lead, rs.getString("lead_analyst_name")),
                Tlp.valueOf(rs.getString("tlp")),
                IncidentStatus.valueOf(rs.getString("status")),
                rs.getString("status_before_hold") == null
                        ? null
                        : IncidentStatus.valueOf(rs.getString("status_before_hold")),
                rs.getString("status_reason"),
                merged == null ? null : new IncidentId(merged),
                rs.getString("outcome"),
                rs.getString("impact"),
                instant(rs, "triaged_at"),
                instant(rs, "first_response_at"),
                instant(rs, "contained_at"),
                instant(rs, "closed_at"));
        return new Incident(reported, handling, rs.getInt("revision"));
    }

    private static Answer answer(ResultSet rs, String column) throws SQLException {
        String value = rs.getString(column);
        return value == null ? Answer.UNKNOWN : Answer.valueOf(value);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static String cut(String value, int max) {
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        return trimmed.length() <= max ? trimmed : trimmed.substring(0, max);
    }
}

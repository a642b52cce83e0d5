package be.bolwerk.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.bolwerk.TestUsers;
import be.bolwerk.assessment.AssessmentProgress;
import be.bolwerk.assessment.Fixtures;
import be.bolwerk.campaign.running.Campaign;
import be.bolwerk.campaign.running.CampaignNotFound;
import be.bolwerk.campaign.running.CampaignStore;
import be.bolwerk.campaign.running.Completion;
import be.bolwerk.campaign.running.Extending;
import be.bolwerk.campaign.running.Opening;
import be.bolwerk.campaign.running.ReminderSchedule;
import be.bolwerk.campaign.running.Reminding;
import be.bolwerk.organisation.OrganisationType;
import be.bolwerk.organisation.demo.DemoOrganisationIds;
import be.bolwerk.shared.BelgianTime;
import be.bolwerk.shared.Refusal;
import be.bolwerk.shared.security.CurrentUser;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Campaigns against the database: opening (its rules and its invitations), the completion overview, scheduled
 * reminders on their day and only once, reminders by hand, and extensions that move the reminders. Campaigns a
 * test writes straight to the store name a framework version of their own, so tests do not meet each other's;
 * every campaign a test made is deleted after it.
 */
@SpringBootTest
class CampaignTests {

    private static final UUID APPELKERKE = DemoOrganisationIds.APPELKERKE.value();
    private static final UUID MUNTHOVE = DemoOrganisationIds.OCMW_MUNTHOVE.value();

    private final Opening opening;
    private final Reminding reminding;
    private final Extending extending;
    private final Completion completion;
    private final Campaigns campaigns;
    private final CampaignStore store;
    private final AssessmentProgress progress;
    private final JdbcClient jdbc;
    private final Clock clock;

    private final CurrentUser officer = TestUsers.programmeOfficer();
    private final List<UUID> made = new ArrayList<>();
    private final List<UUID> ownFrameworks = new ArrayList<>();
    private LocalDate today;

    CampaignTests(
            @Autowired Opening opening,
            @Autowired Reminding reminding,
            @Autowired Extending extending,
            @Autowired Completion completion,
            @Autowired Campaigns campaigns,
            @Autowired CampaignStore store,
            @Autowired AssessmentProgress progress,
            @Autowired JdbcClient jdbc,
            @Autowired Clock clock) {
        this.opening = opening;
        this.reminding = reminding;
        this.extending = extending;
        this.completion = completion;
        this.campaigns = campaigns;
        this.store = store;
        this.progress = progress;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @BeforeEach
    void signInAsOfficer() {
        SecurityContextHolder.getContext().setAuthentication(TestUsers.fullySignedIn(officer));
        today = BelgianTime.today(clock);
    }

    @AfterEach
    void cleanUp() {
        SecurityContextHolder.clearContext();
        // Self-evaluations of a test's own framework version would otherwise look like real ones to other tests.
        for (UUID framework : ownFrameworks) {
            jdbc.sql("DELETE FROM assessment WHERE framework_version_id = :f")
                    .param("f", framework)
                    .update();
        }
        for (UUID id : made) {
            jdbc.sql("DELETE FROM campaign WHERE id = :id").param("id", id).update();
        }
    }

    /** A campaign of Appelkerke and Munthove for a framework version of its own, started a month ago. */
    private Campaign stored(LocalDate deadline, String reminders) {
        Campaign campaign = new Campaign(
                new CampaignId(UUID.randomUUID()),
                "Test " + UUID.randomUUID(),
                UUID.randomUUID(),
                today.getYear(),
                null,
                today.minusDays(30),
                deadline,
                ReminderSchedule.parse(reminders),
                officer.id(),
                Instant.now());
        Map<UUID, String> invited = new LinkedHashMap<>();
        invited.put(APPELKERKE, "Gemeente Appelkerke");
        invited.put(MUNTHOVE, "OCMW Munthove");
        store.insert(campaign, invited);
        made.add(campaign.id().value());
        ownFrameworks.add(campaign.frameworkVersionId());
        return campaign;
    }

    private record Mail(String recipient, String subject, String body) {}

    private List<Mail> mails(String subjectPart) {
        return jdbc.sql("SELECT recipient, subject, body FROM mail_outbox WHERE subject LIKE :s ORDER BY recipient")
                .param("s", "%" + subjectPart + "%")
                .query((rs, row) -> new Mail(rs.getString("recipient"), rs.getString("subject"), rs.getString("body")))
                .list();
    }

    private static Mail appelkerke(List<Mail> mails) {
        return mails.stream()
                .filter(m -> m.recipient().equals("iso@appelkerke.invalid"))
                .findFirst()
                .orElseThrow();
    }

    private Opening.Request request(String name, UUID framework, int year, OrganisationType type) {
        return new Opening.Request(name, framework, year, type, today, today.plusDays(60), ReminderSchedule.DEFAULT);
    }

    private UUID quickscan() {
        return Fixtures.builtIn(jdbc, "quickscan-actiedomeinen");
    }

    @Test
    void openingInvitesTheOrganisationsOfTheTypeAndMailsTheirAdmins() {
        String name = "Opening " + UUID.randomUUID();
        CampaignId id = opening.open(
                request(name, quickscan(), today.getYear() + 1, OrganisationType.SOCIAL_WELFARE_CENTRE), officer);
        made.add(id.value());

        List<UUID> invited = jdbc.sql("SELECT organisation_id FROM campaign_participant WHERE campaign_id = :id")
                .param("id", id.value())
                .query(UUID.class)
                .list();
        assertThat(invited).contains(MUNTHOVE).doesNotContain(APPELKERKE);
        assertThat(jdbc.sql("SELECT details FROM audit_event WHERE event_type = 'CAMPAIGN_OPENED' AND details LIKE :id")
                        .param("id", "%" + id.value() + "%")
                        .query(String.class)
                        .single())
                .contains("audit.detail.campaignOpened")
                .contains("\"" + invited.size() + "\"");
        List<Mail> mails = mails(name);
        assertThat(mails).extracting(Mail::recipient).contains("iso@munthove.invalid");
        assertThat(mails).extracting(Mail::recipient).doesNotContain("iso@appelkerke.invalid");
        Mail munthove = mails.stream()
                .filter(m -> m.recipient().equals("iso@munthove.invalid"))
                .findFirst()
                .orElseThrow();
        assertThat(munthove.subject()).isEqualTo("Uitnodiging: " + name);
        assertThat(munthove.body())
                .startsWith("Goedendag,")
                .contains("De programmaleiding vraagt OCMW Munthove om de zelfevaluatie")
                .contains("Dien de zelfevaluatie in tegen " + date(today.plusDays(60)))
                .contains("/assessments\n");
    }

    @Test
    void campaignMailsSpeakEachAdminsLanguageAndGoEvenWithWorkMailsOff() {
        UUID iso = jdbc.sql("SELECT id FROM user_account WHERE email = 'iso@munthove.invalid'")
                .query(UUID.class)
                .single();
        jdbc.sql("""
                        INSERT INTO account_preference (user_account_id, language, work_mail, updated_at)
                        VALUES (:id, 'en', FALSE, CURRENT_TIMESTAMP)
                        """).param("id", iso).update();
        try {
            String name = "Language " + UUID.randomUUID();
            made.add(opening.open(
                            request(name, quickscan(), today.getYear() + 1, OrganisationType.SOCIAL_WELFARE_CENTRE),
                            officer)
                    .value());

            Mail munthove = mails(name).stream()
                    .filter(m -> m.recipient().equals("iso@munthove.invalid"))
                    .findFirst()
                    .orElseThrow();
            assertThat(munthove.subject()).isEqualTo("Invitation: " + name);
            assertThat(munthove.body()).contains("The programme office asks OCMW Munthove");
        } finally {
            jdbc.sql("DELETE FROM account_preference WHERE user_account_id = :id")
                    .param("id", iso)
                    .update();
        }
    }

    private static String date(LocalDate day) {
        return "%02d-%02d-%d".formatted(day.getDayOfMonth(), day.getMonthValue(), day.getYear());
    }

    @Test
    void aSecondCampaignForTheSameFrameworkAndYearIsRefused() {
        CampaignId first = opening.open(
                request("Eerste " + UUID.randomUUID(), quickscan(), today.getYear() + 1, OrganisationType.POLICE_ZONE),
                officer);
        made.add(first.value());

        assertThatThrownBy(() -> opening.open(
                        request("Tweede", quickscan(), today.getYear() + 1, OrganisationType.POLICE_ZONE), officer))
                .isInstanceOfSatisfying(
                        Refusal.class, r -> assertThat(r.is(Opening.DUPLICATE)).isTrue());
    }

    @Test
    void openingRefusesAnUnknownFrameworkAndAWrongPeriodAndSendsNothing() {
        String name = "Fout " + UUID.randomUUID();
        assertThatThrownBy(() -> opening.open(request(name, UUID.randomUUID(), today.getYear(), null), officer))
                .isInstanceOfSatisfying(
                        Refusal.class,
                        r -> assertThat(r.is(Opening.UNKNOWN_FRAMEWORK)).isTrue());
        assertThatThrownBy(() -> opening.open(
                        new Opening.Request(
                                name,
                                quickscan(),
                                today.getYear() + 1,
                                null,
                                today.plusDays(10),
                                today.plusDays(5),
                                ReminderSchedule.DEFAULT),
                        officer))
                .isInstanceOfSatisfying(
                        Refusal.class,
                        r -> assertThat(r.is(Campaign.DEADLINE_BEFORE_START)).isTrue());
        assertThat(mails(name)).isEmpty();
    }

    @Test
    void onlyProgrammeOfficersOpenRemindAndExtend() {
        Campaign campaign = stored(today.plusDays(20), "7");
        SecurityContextHolder.getContext()
                .setAuthentication(TestUsers.fullySignedIn(
                        TestUsers.member(APPELKERKE, be.bolwerk.shared.security.OrganisationRole.ORGANISATION_ADMIN)));

        assertThatThrownBy(() -> opening.open(request("x", quickscan(), today.getYear(), null), officer))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> reminding.sendNow(campaign.id(), officer)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> extending.extend(
                        campaign.id(), APPELKERKE, campaign.deadline(), today.plusDays(40), "x", officer))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aScheduledReminderGoesOutOnItsDayOnceAndNotToWhoSubmitted() {
        Campaign campaign = stored(today.plusDays(7), "30, 7, 1");
        Fixtures.storedAssessment(
                jdbc, MUNTHOVE, campaign.frameworkVersionId(), campaign.year(), "SUBMITTED", null, null);

        reminding.sendScheduled();
        reminding.sendScheduled();

        List<Mail> mails = mails(campaign.name());
        assertThat(mails).extracting(Mail::recipient).containsOnlyOnce("iso@appelkerke.invalid");
        assertThat(mails).extracting(Mail::recipient).doesNotContain("iso@munthove.invalid");
        Mail mail = appelkerke(mails);
        assertThat(mail.subject()).isEqualTo("Herinnering: " + campaign.name());
        assertThat(mail.body())
                .contains("Gemeente Appelkerke heeft de zelfevaluatie")
                .contains("over 7 dagen")
                .contains("/assessments\n");
        assertThat(jdbc.sql("SELECT reminder_key FROM campaign_reminder WHERE campaign_id = :id")
                        .param("id", campaign.id().value())
                        .query(String.class)
                        .list())
                .containsExactly("D7@" + today.plusDays(7));
    }

    @Test
    void noScheduledReminderOnAnOtherDay() {
        Campaign campaign = stored(today.plusDays(8), "30, 7, 1");

        reminding.sendScheduled();

        assertThat(mails(campaign.name())).isEmpty();
    }

    @Test
    void anExtensionIsRecordedMailedAndMovesTheReminders() {
        Campaign campaign = stored(today.plusDays(3), "7");
        UUID started = Fixtures.storedAssessment(
                jdbc, APPELKERKE, campaign.frameworkVersionId(), campaign.year(), "DRAFT", null, null);

        extending.extend(
                campaign.id(), APPELKERKE, today.plusDays(3), today.plusDays(7), "Nieuwe ISO sinds november", officer);

        Map<String, Object> row = jdbc.sql("""
                        SELECT deadline, extension_reason, extended_by FROM campaign_participant
                        WHERE campaign_id = :id AND organisation_id = :org
                        """)
                .param("id", campaign.id().value())
                .param("org", APPELKERKE)
                .query()
                .singleRow();
        assertThat(row.get("extension_reason")).isEqualTo("Nieuwe ISO sinds november");
        assertThat(row.get("extended_by")).isEqualTo(officer.id());
        // The organisation's own trail shows it, with the reason, readable (not an id or a key).
        assertThat(jdbc.sql("""
                        SELECT details FROM audit_event
                        WHERE event_type = 'CAMPAIGN_DEADLINE_EXTENDED' AND organisation_id = :org
                        ORDER BY seq DESC LIMIT 1
                        """).param("org", APPELKERKE).query(String.class).single())
                .contains("audit.detail.deadlineExtended")
                .contains(date(today.plusDays(7)))
                .contains("Nieuwe ISO sinds november");
        List<Mail> extended = mails("Nieuwe deadline: " + campaign.name());
        assertThat(extended).extracting(Mail::recipient).containsOnlyOnce("iso@appelkerke.invalid");
        assertThat(extended).extracting(Mail::recipient).doesNotContain("iso@munthove.invalid");
        assertThat(appelkerke(extended).body())
                .contains("tot " + date(today.plusDays(7)))
                .contains("Reden: Nieuwe ISO sinds november");
        assertThat(campaigns.deadlineFor(APPELKERKE, campaign.frameworkVersionId(), campaign.year()))
                .hasValueSatisfying(d -> {
                    assertThat(d.deadline()).isEqualTo(today.plusDays(7));
                    assertThat(d.extended()).isTrue();
                });

        reminding.sendScheduled();

        // Seven days before the new deadline is today: Appelkerke is reminded, with the link to its own
        // evaluation; Munthove's deadline is the old one, three days away, which has no reminder.
        List<Mail> reminders = mails("Herinnering: " + campaign.name());
        assertThat(reminders).extracting(Mail::recipient).containsOnlyOnce("iso@appelkerke.invalid");
        assertThat(reminders).extracting(Mail::recipient).doesNotContain("iso@munthove.invalid");
        assertThat(appelkerke(reminders).body()).contains("/assessments/" + started + "\n");
    }

    @Test
    void anExtensionMustBeLaterAndRefusesAStaleDeadline() {
        Campaign campaign = stored(today.plusDays(10), "7");

        assertThatThrownBy(() -> extending.extend(
                        campaign.id(), APPELKERKE, campaign.deadline(), today.plusDays(10), "reden", officer))
                .isInstanceOfSatisfying(
                        Refusal.class,
                        r -> assertThat(r.is(Extending.NOT_LATER)).isTrue());
        extending.extend(campaign.id(), APPELKERKE, campaign.deadline(), today.plusDays(20), "eerste", officer);
        assertThatThrownBy(() -> extending.extend(
                        campaign.id(), APPELKERKE, campaign.deadline(), today.plusDays(30), "tweede", officer))
                .isInstanceOfSatisfying(
                        Refusal.class, r -> assertThat(r.is(Extending.STALE)).isTrue());
        assertThatThrownBy(() -> extending.extend(
                        campaign.id(), UUID.randomUUID(), campaign.deadline(), today.plusDays(30), "x", officer))
                .isInstanceOf(CampaignNotFound.class);
    }

    @Test
    void aReminderByHandGoesToWhoIsBehindOnceADay() {
        Campaign campaign = stored(today.plusDays(20), "");
        Fixtures.storedAssessment(
                jdbc, MUNTHOVE, campaign.frameworkVersionId(), campaign.year(), "SUBMITTED", null, null);

        assertThat(reminding.preview(campaign.id())).singleElement().satisfies(r -> {
            assertThat(r.organisation()).isEqualTo("Gemeente Appelkerke");
            assertThat(r.emails()).contains("iso@appelkerke.invalid");
        });
        assertThat(reminding.sendNow(campaign.id(), officer)).isEqualTo(1);
        assertThat(reminding.sendNow(campaign.id(), officer)).isZero();

        assertThat(mails("Herinnering: " + campaign.name()))
                .extracting(Mail::recipient)
                .containsOnlyOnce("iso@appelkerke.invalid")
                .doesNotContain("iso@munthove.invalid");
    }

    @Test
    void completionShowsStateProgressAndFiltersThoseBehind() {
        Campaign campaign = stored(today.plusDays(20), "");
        UUID draft = Fixtures.storedAssessment(
                jdbc, APPELKERKE, campaign.frameworkVersionId(), campaign.year(), "DRAFT", null, null);
        Fixtures.storedAnswer(jdbc, APPELKERKE, draft, "AD01.1", 2, 3, null, 1);
        Fixtures.storedAnswer(jdbc, APPELKERKE, draft, "AD01.2", 1, 1, null, 1);
        // Half an answer does not count.
        jdbc.sql("""
                        INSERT INTO assessment_answer (organisation_id, assessment_id, control_ref, documentation,
                            implementation, not_applicable, answered_by, answered_at, revision)
                        VALUES (:org, :id, 'AD01.3', 2, NULL, FALSE, :org, CURRENT_TIMESTAMP, 1)
                        """).param("org", APPELKERKE).param("id", draft).update();
        Fixtures.storedAssessment(
                jdbc, MUNTHOVE, campaign.frameworkVersionId(), campaign.year(), "SUBMITTED", null, null);

        assertThat(progress.of(campaign.frameworkVersionId(), campaign.year()).get(APPELKERKE))
                .satisfies(p -> {
                    assertThat(p.answered()).isEqualTo(2);
                    assertThat(p.submitted()).isFalse();
                    assertThat(p.lastActivity()).isNotNull();
                });
        Completion.Overview behind = completion.of(
                campaign.id(), new Completion.Question(Completion.Filter.BEHIND, null, false, 0, 25), officer);
        assertThat(behind.invited()).isEqualTo(2);
        assertThat(behind.counts())
                .containsEntry(Completion.State.IN_PROGRESS, 1L)
                .containsEntry(Completion.State.SUBMITTED, 1L);
        assertThat(behind.rows().items()).singleElement().satisfies(row -> {
            assertThat(row.organisation()).isEqualTo("Gemeente Appelkerke");
            assertThat(row.state()).isEqualTo(Completion.State.IN_PROGRESS);
            assertThat(row.assessmentId()).isEqualTo(draft);
        });
        Completion.Overview all = completion.of(
                campaign.id(),
                new Completion.Question(Completion.Filter.ALL, Completion.Sort.STATE, true, 0, 25),
                officer);
        assertThat(all.rows().items())
                .extracting(Completion.Row::state)
                .containsExactly(Completion.State.SUBMITTED, Completion.State.IN_PROGRESS);
        assertThatThrownBy(() -> completion.of(
                        new CampaignId(UUID.randomUUID()), new Completion.Question(null, null, false, 0, 25), officer))
                .isInstanceOf(CampaignNotFound.class);
    }

    @Test
    void anOrganisationSeesItsOwnRunningCampaignsOnly() {
        Campaign running = stored(today.plusDays(20), "");
        Campaign future = new Campaign(
                new CampaignId(UUID.randomUUID()),
                "Toekomst " + UUID.randomUUID(),
                UUID.randomUUID(),
                today.getYear(),
                null,
                today.plusDays(5),
                today.plusDays(50),
                ReminderSchedule.DEFAULT,
                officer.id(),
                Instant.now());
        store.insert(future, Map.of(APPELKERKE, "Gemeente Appelkerke"));
        made.add(future.id().value());

        assertThat(campaigns.openFor(APPELKERKE))
                .extracting(CampaignDeadline::campaignId)
                .contains(running.id())
                .doesNotContain(future.id());
        assertThat(campaigns.openFor(UUID.randomUUID())).isEmpty();
        assertThat(campaigns.openFor(List.of())).isEmpty();
        assertThat(campaigns.deadlineFor(UUID.randomUUID(), running.frameworkVersionId(), running.year()))
                .isEmpty();
    }
}

package be.bolwerk.incident.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.bolwerk.incident.Answer;
import be.bolwerk.incident.IncidentFixtures;
import be.bolwerk.incident.IncidentId;
import be.bolwerk.incident.ReportChannel;
import be.bolwerk.incident.Tlp;
import be.bolwerk.incident.handling.Actor;
import be.bolwerk.incident.handling.Incident;
import be.bolwerk.incident.obligation.IncidentFacts;
import be.bolwerk.incident.timeline.Indicator;
import be.bolwerk.incident.timeline.IndicatorType;
import be.bolwerk.shared.Refusal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The drafts' rules without Spring: default fields per recipient, RED indicators, the frozen text and its hash. */
class NoticeTests {

    private static final Instant NOW = Instant.parse("2026-11-20T09:00:00Z");
    private static final Actor ANALYST = new Actor(UUID.randomUUID(), "Analist");
    private static final FactBases.Words WORDS =
            (key, args) -> args.length == 0 ? "[" + key + "]" : "[" + key + " " + List.of(args) + "]";

    private final Incident incident = Incident.report(
            UUID.randomUUID(),
            IncidentFixtures.ransomware("Bestanden versleuteld", NOW),
            ReportChannel.FORM,
            ANALYST,
            UUID.randomUUID(),
            NOW);

    @Test
    void eachRecipientStartsWithItsOwnFields() {
        assertThat(NoticeField.defaults(NoticeRecipient.AUTHORITY))
                .contains(NoticeField.PERSONAL_DATA, NoticeField.PERSONAL_DATA_KNOWN_AT, NoticeField.ACTIONS_TAKEN)
                .doesNotContain(NoticeField.INDICATORS, NoticeField.INSURER_POLICY, NoticeField.HOW_NOTICED);
        assertThat(NoticeField.defaults(NoticeRecipient.CSIRT))
                .contains(NoticeField.INDICATORS, NoticeField.SYSTEMS, NoticeField.HOW_NOTICED)
                .doesNotContain(NoticeField.PERSONAL_DATA, NoticeField.INSURER_POLICY);
        assertThat(NoticeField.defaults(NoticeRecipient.INSURER))
                .contains(NoticeField.INSURER_POLICY, NoticeField.IMPACT, NoticeField.POLICE_COMPLAINT)
                .doesNotContain(NoticeField.INDICATORS, NoticeField.PERSONAL_DATA);
    }

    @Test
    void aNewDraftHasItsRecipientsDefaultsAndBelongsToAnObligationUnlessForTheInsurer() {
        Notice authority = draft(NoticeRecipient.AUTHORITY, UUID.randomUUID());
        assertThat(authority.fields()).isEqualTo(NoticeField.defaults(NoticeRecipient.AUTHORITY));
        assertThat(authority.event()).isPresent();
        assertThatThrownBy(() -> draft(NoticeRecipient.INSURER, UUID.randomUUID()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> draft(NoticeRecipient.CSIRT, null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void tlpRedIndicatorsNeverGetIntoTheFactBase() {
        FactBase base = FactBases.of(
                sources(List.of(indicator("203.0.113.7", Tlp.AMBER), indicator("198.51.100.66", Tlp.RED))), WORDS);

        assertThat(base.value(NoticeField.INDICATORS)).contains("203.0.113.7").doesNotContain("198.51.100.66");
        String text = render(EnumSet.allOf(NoticeField.class), base);
        assertThat(text).contains("203.0.113.7").doesNotContain("198.51.100.66");
    }

    @Test
    void theTextHoldsTheChosenFieldsOnlyWithTheTlpLabelFirst() {
        FactBase base = FactBases.of(sources(List.of()), WORDS);
        String text = render(EnumSet.of(NoticeField.WHAT_HAPPENED, NoticeField.SYSTEMS), base);

        assertThat(text.lines().findFirst()).contains("TLP:AMBER");
        assertThat(text)
                .contains("[incident.notice.field.WHAT_HAPPENED]: Bestanden versleuteld")
                .contains("Bestandsserver, burgerzaken")
                .doesNotContain("[incident.notice.field.ACTIONS_TAKEN]")
                .doesNotContain("Netwerkkabels");
        // A field with nothing known says so instead of disappearing.
        assertThat(render(EnumSet.of(NoticeField.RESOLVED_AT), base))
                .contains("[incident.notice.field.RESOLVED_AT]: onbekend");
    }

    @Test
    void aSubmittedDraftFreezesTheTextWithItsHashAndRefusesEveryChange() throws Exception {
        Notice notice = draft(NoticeRecipient.INSURER, null);
        String text = "TLP:AMBER\nMelding\n\nWat er gebeurde: versleuteld — één server\n";
        notice.submit(text, NOW.minusSeconds(60), "e-mail", "POL-1", 0, "INC-1", ANALYST, NOW);

        Notice.Snapshot snapshot = notice.snapshot().orElseThrow();
        String expected = HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        assertThat(snapshot.text()).isEqualTo(text);
        assertThat(snapshot.sha256()).isEqualTo(expected).hasSize(64);
        assertThat(snapshot.fields()).isEqualTo(NoticeField.defaults(NoticeRecipient.INSURER));
        assertThat(Notice.sha256("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");

        assertThatThrownBy(() -> notice.choose(Set.of(NoticeField.WHAT_HAPPENED), null, 0, ANALYST, NOW))
                .isInstanceOfSatisfying(
                        Refusal.class, r -> assertThat(r.messageKey()).isEqualTo(Notice.SUBMITTED));
        assertThatThrownBy(() -> notice.submit(text, NOW, "e-mail", null, 0, "INC-1", ANALYST, NOW))
                .isInstanceOfSatisfying(
                        Refusal.class, r -> assertThat(r.messageKey()).isEqualTo(Notice.SUBMITTED));
    }

    @Test
    void aChoiceFromAnOlderRevisionWithoutFieldsOrAFutureSubmissionIsRefused() {
        Notice notice = draft(NoticeRecipient.CSIRT, UUID.randomUUID());
        assertThatThrownBy(() -> notice.choose(Set.of(NoticeField.WHAT_HAPPENED), null, 3, ANALYST, NOW))
                .isInstanceOfSatisfying(
                        Refusal.class, r -> assertThat(r.messageKey()).isEqualTo(Notice.STALE));
        assertThatThrownBy(() -> notice.choose(Set.of(), null, 0, ANALYST, NOW))
                .isInstanceOfSatisfying(
                        Refusal.class, r -> assertThat(r.messageKey()).isEqualTo(Notice.NO_FIELDS));
        assertThatThrownBy(() -> notice.submit("t", NOW.plusSeconds(600), "e-mail", null, 0, "INC-1", ANALYST, NOW))
                .isInstanceOfSatisfying(
                        Refusal.class, r -> assertThat(r.messageKey()).isEqualTo(Notice.SUBMITTED_FUTURE));
        assertThatThrownBy(() -> notice.submit("t", NOW, " ", null, 0, "INC-1", ANALYST, NOW))
                .isInstanceOfSatisfying(
                        Refusal.class, r -> assertThat(r.messageKey()).isEqualTo(Notice.CHANNEL_REQUIRED));
        assertThat(notice.submitted()).isFalse();
    }

    private Notice draft(NoticeRecipient recipient, UUID obligationId) {
        return Notice.draft(incident.id(), incident.organisationId(), "INC-1", recipient, obligationId, ANALYST, NOW);
    }

    private FactBases.Sources sources(List<Indicator> indicators) {
        return new FactBases.Sources(
                incident,
                "Gemeente Appelkerke",
                new IncidentFacts.Values(NOW, null, null, NOW, null, Answer.UNKNOWN, Answer.UNKNOWN, null),
                List.of(),
                indicators,
                Optional.empty(),
                List.of());
    }

    private Indicator indicator(String value, Tlp tlp) {
        return new Indicator(
                UUID.randomUUID(),
                new IncidentId(incident.id().value()),
                incident.organisationId(),
                IndicatorType.IPV4,
                value,
                tlp,
                null,
                NOW,
                ANALYST);
    }

    private static String render(Set<NoticeField> fields, FactBase base) {
        return NoticeText.render(
                new NoticeText.Heading(base.tlp().label(), "Melding", "Organisatie", "Betreft"),
                null,
                fields,
                base,
                f -> "[" + f.label() + "]",
                "onbekend");
    }
}

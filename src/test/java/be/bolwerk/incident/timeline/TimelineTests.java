package be.bolwerk.incident.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.bolwerk.incident.IncidentFixtures;
import be.bolwerk.incident.ReportChannel;
import be.bolwerk.incident.Tlp;
import be.bolwerk.incident.handling.Access;
import be.bolwerk.incident.handling.Actor;
import be.bolwerk.incident.handling.Incident;
import be.bolwerk.shared.Refusal;
import be.bolwerk.shared.security.OrganisationRole;
import java.lang.reflect.Method;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The timeline's rules without Spring: entries are written once and corrected by new ones, a message to the
 * organisation is the CRT's, moments are never in the future, an asset's status change writes its own entry.
 */
class TimelineTests {

    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");
    private static final Access CRT = new Access(true, null, false);
    private static final Access MEMBER = new Access(false, OrganisationRole.MEMBER, false);
    private final Actor analyst = new Actor(UUID.randomUUID(), "Charlotte Respons");
    private final Incident incident = Incident.report(
            UUID.randomUUID(),
            IncidentFixtures.ransomware("Versleutelde bestanden", NOW),
            ReportChannel.FORM,
            new Actor(UUID.randomUUID(), "Ilse"),
            UUID.randomUUID(),
            NOW.minus(Duration.ofMinutes(30)));

    @Test
    void anEntryIsLabelledLikeTheIncidentUnlessSaidOtherwise() {
        Entry entry =
                Entry.write(incident, MEMBER, draft(EntryKind.OBSERVATION, "Back-ups intact", null), analyst, NOW);
        assertThat(entry.tlp()).isEqualTo(incident.tlp()).isEqualTo(Tlp.AMBER);
        assertThat(entry.recordedAt()).isEqualTo(NOW);
        assertThat(entry.occurredAt()).isEqualTo(NOW.minusSeconds(600));
        assertThat(entry.recordedLater()).isTrue();
        assertThat(entry.corrects()).isNull();
    }

    @Test
    void aCorrectionIsANewEntryThatNamesTheOldOneWhichStaysAsItWas() {
        Entry original =
                Entry.write(incident, CRT, draft(EntryKind.DECISION, "Server 3 isoleren", Tlp.GREEN), analyst, NOW);
        Entry correction = original.correctedBy(
                incident, CRT, draft(EntryKind.DECISION, "Server 4 isoleren", Tlp.GREEN), analyst, NOW.plusSeconds(60));

        assertThat(correction.id()).isNotEqualTo(original.id());
        assertThat(correction.corrects()).isEqualTo(original.id());
        assertThat(correction.text()).isEqualTo("Server 4 isoleren");
        assertThat(original.text()).isEqualTo("Server 3 isoleren");
        assertThat(original.corrects()).isNull();
    }

    @Test
    void theStoreOnlyAppends() {
        List<String> writers = Arrays.stream(TimelineStore.class.getDeclaredMethods())
                .map(Method::getName)
                .filter(name -> !name.equals("of") && !name.equals("find") && !name.equals("corrections"))
                .filter(name -> !name.equals("entry") && !name.equals("utc") && !name.equals("instant"))
                .filter(name -> !name.startsWith("lambda$"))
                .toList();
        assertThat(writers).containsExactly("append");
    }

    @Test
    void anEntryOfAnotherIncidentIsNotCorrectedHere() {
        Incident other = Incident.report(
                UUID.randomUUID(),
                IncidentFixtures.ransomware("Ander incident", NOW),
                ReportChannel.FORM,
                analyst,
                UUID.randomUUID(),
                NOW);
        Entry elsewhere = Entry.write(other, CRT, draft(EntryKind.ACTION, "Iets", null), analyst, NOW);
        assertRefused(
                () -> elsewhere.correctedBy(incident, CRT, draft(EntryKind.ACTION, "Anders", null), analyst, NOW),
                Entry.CORRECTS_OTHER);
    }

    @Test
    void refusesWhatIsNoEntry() {
        assertRefused(() -> Entry.write(incident, CRT, draft(null, "Tekst", null), analyst, NOW), Entry.KIND_REQUIRED);
        assertRefused(
                () -> Entry.write(incident, CRT, draft(EntryKind.ASSET_STATUS, "Tekst", null), analyst, NOW),
                Entry.KIND_REQUIRED);
        assertRefused(
                () -> Entry.write(incident, CRT, draft(EntryKind.ACTION, "   ", null), analyst, NOW),
                Entry.TEXT_REQUIRED);
        assertRefused(
                () -> Entry.write(incident, CRT, draft(EntryKind.ACTION, "x".repeat(4001), null), analyst, NOW),
                Entry.TEXT_TOO_LONG);
        assertRefused(
                () -> Entry.write(
                        incident,
                        CRT,
                        new Entry.Draft(EntryKind.ACTION, "Later", NOW.plusSeconds(61), null),
                        analyst,
                        NOW),
                Entry.WHEN_FUTURE);
        assertRefused(
                () -> Entry.write(incident, CRT, new Entry.Draft(EntryKind.ACTION, "Ooit", null, null), analyst, NOW),
                Entry.WHEN_REQUIRED);
    }

    @Test
    void onlyTheCrtSendsAMessageToTheOrganisation() {
        assertRefused(
                () -> Entry.write(
                        incident, MEMBER, draft(EntryKind.MESSAGE_TO_ORGANISATION, "Bel ons", null), analyst, NOW),
                Entry.TO_ORGANISATION_BY_CRT);
        assertThat(Entry.write(incident, CRT, draft(EntryKind.MESSAGE_TO_ORGANISATION, "Bel ons", null), analyst, NOW)
                        .kind())
                .isEqualTo(EntryKind.MESSAGE_TO_ORGANISATION);
        assertThat(Entry.write(
                                incident,
                                MEMBER,
                                draft(EntryKind.MESSAGE_FROM_ORGANISATION, "Gebeld", null),
                                analyst,
                                NOW)
                        .kind())
                .isEqualTo(EntryKind.MESSAGE_FROM_ORGANISATION);
    }

    @Test
    void anAssetStatusChangeWritesWhoWhenFromAndTo() {
        Asset asset = Asset.add(incident, " Bestandsserver ", AssetKind.SERVER, null, analyst, NOW);
        assertThat(asset.status()).isEqualTo(Compromise.TO_BE_DETERMINED);
        assertThat(asset.name()).isEqualTo("Bestandsserver");

        Asset.Change change = asset.changeTo(Compromise.COMPROMISED, incident, analyst, NOW.plusSeconds(5));

        assertThat(change.asset().status()).isEqualTo(Compromise.COMPROMISED);
        Entry entry = change.entry();
        assertThat(entry.kind()).isEqualTo(EntryKind.ASSET_STATUS);
        assertThat(entry.author()).isEqualTo(analyst);
        assertThat(entry.occurredAt()).isEqualTo(NOW.plusSeconds(5));
        assertThat(entry.statusFrom()).isEqualTo(Compromise.TO_BE_DETERMINED);
        assertThat(entry.statusTo()).isEqualTo(Compromise.COMPROMISED);
        assertThat(entry.assetId()).isEqualTo(asset.id());
        assertRefused(() -> change.asset().changeTo(Compromise.COMPROMISED, incident, analyst, NOW), Asset.SAME_STATUS);
        assertRefused(() -> Asset.add(incident, "", AssetKind.SERVER, null, analyst, NOW), Asset.NAME_REQUIRED);
        assertRefused(() -> Asset.add(incident, "Pc", null, null, analyst, NOW), Asset.KIND_REQUIRED);
    }

    private static Entry.Draft draft(EntryKind kind, String text, Tlp tlp) {
        return new Entry.Draft(kind, text, NOW.minusSeconds(600), tlp);
    }

    private static void assertRefused(Runnable step, String key) {
        assertThatThrownBy(step::run)
                .isInstanceOfSatisfying(
                        Refusal.class, r -> assertThat(r.messageKey()).isEqualTo(key));
    }
}

package be.bolwerk.framework.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.bolwerk.framework.FrameworkDeleted;
import be.bolwerk.framework.FrameworkPublished;
import be.bolwerk.framework.FrameworkRetired;
import be.bolwerk.framework.FrameworkStatus;
import be.bolwerk.framework.FrameworkVersionId;
import be.bolwerk.shared.Refusal;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The life cycle's rules, one transition at a time: forward only, each raising its event. */
class PublicationTests {

    private final UUID officer = UUID.randomUUID();
    private final FrameworkVersionId id = FrameworkVersionId.of(UUID.randomUUID());

    private Publication in(FrameworkStatus status) {
        return new Publication(id, "nist-800-53-low", "5.1.1", status);
    }

    private static void refused(Runnable step, String key) {
        assertThatThrownBy(step::run)
                .isInstanceOfSatisfying(
                        Refusal.class, e -> assertThat(e.messageKey()).isEqualTo(key));
    }

    @Test
    void aDraftIsPublishedOnceAndSaysSo() {
        Publication draft = in(FrameworkStatus.DRAFT);

        draft.publish(officer);

        assertThat(draft.status()).isEqualTo(FrameworkStatus.PUBLISHED);
        assertThat(draft.was()).isEqualTo(FrameworkStatus.DRAFT);
        assertThat(draft.takeEvents()).containsExactly(new FrameworkPublished(id, "nist-800-53-low", "5.1.1", officer));
        refused(() -> draft.publish(officer), "framework.lifecycle.notDraft");
        assertThat(draft.takeEvents()).isEmpty();
    }

    @Test
    void onlyAPublishedVersionIsRetired() {
        refused(() -> in(FrameworkStatus.DRAFT).retire(officer), "framework.lifecycle.notPublished");
        refused(() -> in(FrameworkStatus.RETIRED).retire(officer), "framework.lifecycle.notPublished");
        refused(() -> in(FrameworkStatus.RETIRED).publish(officer), "framework.lifecycle.notDraft");

        Publication published = in(FrameworkStatus.PUBLISHED);
        published.retire(officer);

        assertThat(published.status()).isEqualTo(FrameworkStatus.RETIRED);
        assertThat(published.takeEvents())
                .containsExactly(new FrameworkRetired(id, "nist-800-53-low", "5.1.1", officer));
    }

    @Test
    void onlyADraftIsDeleted() {
        refused(() -> in(FrameworkStatus.PUBLISHED).delete(officer), "framework.lifecycle.onlyDrafts");
        refused(() -> in(FrameworkStatus.RETIRED).delete(officer), "framework.lifecycle.onlyDrafts");

        Publication draft = in(FrameworkStatus.DRAFT);
        draft.delete(officer);

        assertThat(draft.deleted()).isTrue();
        assertThat(draft.takeEvents()).containsExactly(new FrameworkDeleted(id, "nist-800-53-low", "5.1.1", officer));
    }
}

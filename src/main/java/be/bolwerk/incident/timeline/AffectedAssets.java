package be.bolwerk.incident.timeline;

import be.bolwerk.incident.IncidentId;
import be.bolwerk.incident.IncidentNotFound;
import be.bolwerk.incident.event.work.IncidentAssetRecorded;
import be.bolwerk.incident.handling.Actor;
import be.bolwerk.incident.handling.IncidentAccess;
import be.bolwerk.shared.Refusal;
import be.bolwerk.shared.security.CurrentUser;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The affected assets of an incident: naming one, and changing its status with the timeline entry that tells it. */
@Service
public class AffectedAssets {

    static final String CHANGED_MEANWHILE = "incident.asset.rule.changedMeanwhile";

    private final IncidentAccess access;
    private final AssetStore assets;
    private final TimelineStore timeline;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AffectedAssets(
            IncidentAccess access,
            AssetStore assets,
            TimelineStore timeline,
            ApplicationEventPublisher events,
            Clock clock) {
        this.access = access;
        this.assets = assets;
        this.timeline = timeline;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public UUID add(IncidentId id, String name, AssetKind kind, CurrentUser user) {
        IncidentAccess.Loaded loaded = Timeline.contributor(access, id, user);
        Asset asset =
                Asset.add(loaded.incident(), name, kind, Compromise.TO_BE_DETERMINED, Actor.of(user), clock.instant());
        assets.insert(asset);
        events.publishEvent(new IncidentAssetRecorded(
                id,
                asset.organisationId(),
                loaded.incident().reference(),
                asset.id(),
                asset.name(),
                null,
                asset.status().name()));
        return asset.id();
    }

    /**
     * Moves the asset from the status the person saw ({@code seen}) to {@code to}; refused when someone moved it in
     * between, so that nobody overwrites a status they did not see.
     */
    @Transactional
    public void changeStatus(IncidentId id, UUID assetId, Compromise seen, Compromise to, CurrentUser user) {
        IncidentAccess.Loaded loaded = Timeline.contributor(access, id, user);
        Asset asset = assets.find(id, assetId).orElseThrow(IncidentNotFound::new);
        if (seen != null && seen != asset.status()) {
            throw Refusal.conflict(CHANGED_MEANWHILE);
        }
        Asset.Change change = asset.changeTo(to, loaded.incident(), Actor.of(user), clock.instant());
        if (!assets.changeStatus(change.asset(), asset.status())) {
            throw Refusal.conflict(CHANGED_MEANWHILE);
        }
        timeline.append(change.entry());
        events.publishEvent(new IncidentAssetRecorded(
                id,
                asset.organisationId(),
                loaded.incident().reference(),
                asset.id(),
                asset.name(),
                asset.status().name(),
                to.name()));
    }

    @Transactional(readOnly = true)
    public List<Asset> of(IncidentId id, CurrentUser user) {
        access.loadWithGuests(id, user);
        return assets.of(id);
    }
}

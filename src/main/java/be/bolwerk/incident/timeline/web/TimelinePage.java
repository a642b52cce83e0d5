package be.bolwerk.incident.timeline.web;

import be.bolwerk.incident.IncidentId;
import be.bolwerk.incident.Tlp;
import be.bolwerk.incident.evidence.EvidenceFile;
import be.bolwerk.incident.evidence.IncidentEvidence;
import be.bolwerk.incident.handling.Access;
import be.bolwerk.incident.handling.IncidentPages;
import be.bolwerk.incident.timeline.AffectedAssets;
import be.bolwerk.incident.timeline.AssetKind;
import be.bolwerk.incident.timeline.Compromise;
import be.bolwerk.incident.timeline.EntryKind;
import be.bolwerk.incident.timeline.IndicatorType;
import be.bolwerk.incident.timeline.Indicators;
import be.bolwerk.incident.timeline.Timeline;
import be.bolwerk.incident.timeline.web.Forms.AssetForm;
import be.bolwerk.incident.timeline.web.Forms.EntryForm;
import be.bolwerk.incident.timeline.web.Forms.EvidenceForm;
import be.bolwerk.incident.timeline.web.Forms.HandoverForm;
import be.bolwerk.incident.timeline.web.Forms.IndicatorForm;
import be.bolwerk.shared.BelgianTime;
import be.bolwerk.shared.security.CurrentUser;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * Fills the model of the timeline page: the header, the four sections and their forms. A form already in the
 * model (a refused one, as typed) is kept; the others start empty, labelled like the incident.
 */
@Component
class TimelinePage {

    static final String VIEW = "incident/timeline";

    private final IncidentPages pages;
    private final Timeline timeline;
    private final AffectedAssets assets;
    private final Indicators indicators;
    private final IncidentEvidence evidence;
    private final Clock clock;

    TimelinePage(
            IncidentPages pages,
            Timeline timeline,
            AffectedAssets assets,
            Indicators indicators,
            IncidentEvidence evidence,
            Clock clock) {
        this.pages = pages;
        this.timeline = timeline;
        this.assets = assets;
        this.indicators = indicators;
        this.evidence = evidence;
        this.clock = clock;
    }

    /** Moments as people read them, in Brussels time, for the template. */
    public static final class Moments {

        private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm");

        public String of(Instant instant) {
            return instant == null ? "" : SHOWN.format(instant.atZone(BelgianTime.ZONE));
        }

        /** For the datetime attribute of a time element. */
        public String iso(Instant instant) {
            return instant == null ? "" : instant.toString();
        }

        /** A size in bytes as kB or MB. */
        public String size(long bytes) {
            if (bytes < 1000) {
                return bytes + " B";
            }
            if (bytes < 1000 * 1000) {
                return (bytes / 1000) + " kB";
            }
            return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / 1_000_000.0);
        }
    }

    String render(UUID id, String kindFilter, CurrentUser user, Model model) {
        IncidentId incidentId = new IncidentId(id);
        IncidentPages.Page page = pages.loadWithGuests(incidentId, user);
        Tlp tlp = page.incident().tlp();
        Access access = page.access();
        EntryKind kind = EntryKind.parse(kindFilter);
        model.addAttribute("head", page.header());
        model.addAttribute("access", access);
        model.addAttribute("filterKind", kind);
        model.addAttribute("filterKinds", EntryKind.values());
        model.addAttribute(
                "writeKinds",
                EntryKind.written().stream()
                        .filter(k -> k != EntryKind.MESSAGE_TO_ORGANISATION || access.mayHandle())
                        .toList());
        model.addAttribute("entries", timeline.of(incidentId, kind, user));
        model.addAttribute("affectedAssets", assets.of(incidentId, user));
        model.addAttribute("assetKinds", AssetKind.values());
        model.addAttribute("compromises", Compromise.values());
        List<be.bolwerk.incident.timeline.Indicator> all = indicators.of(incidentId, user);
        model.addAttribute("indicators", all);
        model.addAttribute(
                "redIndicators", all.stream().filter(i -> i.tlp() == Tlp.RED).count());
        model.addAttribute("indicatorTypes", IndicatorType.values());
        model.addAttribute("evidence", evidence.of(incidentId, user));
        model.addAttribute("maxMegabytes", EvidenceFile.MAX_BYTES / 1000 / 1000);
        model.addAttribute("tlps", Tlp.values());
        model.addAttribute("moments", new Moments());
        if (!model.containsAttribute("entryForm")) {
            model.addAttribute("entryForm", EntryForm.empty(clock.instant(), tlp));
        }
        if (!model.containsAttribute("assetForm")) {
            model.addAttribute("assetForm", AssetForm.empty());
        }
        if (!model.containsAttribute("indicatorForm")) {
            model.addAttribute("indicatorForm", IndicatorForm.empty(tlp));
        }
        if (!model.containsAttribute("evidenceForm")) {
            model.addAttribute("evidenceForm", EvidenceForm.empty(tlp));
        }
        if (!model.containsAttribute("handoverForm")) {
            model.addAttribute("handoverForm", HandoverForm.empty());
        }
        return VIEW;
    }
}

package be.bolwerk.engagement.web;

import be.bolwerk.engagement.EngagementId;
import be.bolwerk.engagement.scope.ConsentKind;
import be.bolwerk.engagement.work.Finding;
import be.bolwerk.engagement.work.Viewing;
import be.bolwerk.shared.security.CurrentUser;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * Fills the model of the engagement page, for its own GET and for a form on it that was refused and is shown again
 * with what the person typed.
 */
@Component
class DetailModel {

    static final String VIEW = "engagement/detail";

    private final Viewing viewing;

    DetailModel(Viewing viewing) {
        this.viewing = viewing;
    }

    String show(UUID id, CurrentUser user, Model model) {
        Viewing.View view = viewing.view(new EngagementId(id), user);
        model.addAttribute(
                "engagement",
                EngagementPage.of(
                        view.engagement(),
                        view.access(),
                        view.students(),
                        view.candidates(),
                        view.findings(),
                        view.evidence(),
                        view.history()));
        if (!model.containsAttribute("findingForm")) {
            model.addAttribute("findingForm", FindingForm.empty());
        }
        model.addAttribute("severities", Finding.Severity.values());
        model.addAttribute("consentKinds", ConsentKind.values());
        return VIEW;
    }
}

package be.bolwerk.incident.timeline.web;

import be.bolwerk.incident.IncidentId;
import be.bolwerk.incident.timeline.AffectedAssets;
import be.bolwerk.incident.timeline.AssetKind;
import be.bolwerk.incident.timeline.Compromise;
import be.bolwerk.incident.timeline.web.Forms.AssetForm;
import be.bolwerk.shared.Refusal;
import be.bolwerk.shared.security.CurrentUser;
import be.bolwerk.shared.web.Refusals;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Naming an affected asset and changing its compromise status (which the timeline then tells). */
@Controller
@RequestMapping("/incidents/{id}/assets")
class AssetController {

    private final TimelinePage page;
    private final AffectedAssets assets;

    AssetController(TimelinePage page, AffectedAssets assets) {
        this.page = page;
        this.assets = assets;
    }

    @PostMapping
    String add(
            @PathVariable UUID id,
            @ModelAttribute("assetForm") AssetForm form,
            BindingResult binding,
            @AuthenticationPrincipal CurrentUser user,
            Model model,
            RedirectAttributes redirect) {
        try {
            assets.add(new IncidentId(id), form.name(), AssetKind.parse(form.assetKind()), user);
            redirect.addFlashAttribute("notice", "incident.asset.added");
            return "redirect:/incidents/" + id + "/timeline#assets";
        } catch (Refusal refused) {
            Refusals.reject(binding, refused.messageKey().contains(".rule.name") ? "name" : "assetKind", refused);
            return page.render(id, "", user, model);
        }
    }

    /** {@code seen} is the status the person saw: a status someone changed in between is not overwritten. */
    @PostMapping("/{assetId}/status")
    String status(
            @PathVariable UUID id,
            @PathVariable UUID assetId,
            @RequestParam(defaultValue = "") String seen,
            @RequestParam(defaultValue = "") String status,
            @AuthenticationPrincipal CurrentUser user,
            RedirectAttributes redirect) {
        try {
            assets.changeStatus(new IncidentId(id), assetId, Compromise.parse(seen), Compromise.parse(status), user);
            redirect.addFlashAttribute("notice", "incident.asset.statusChanged");
        } catch (Refusal refused) {
            Refusals.flash(redirect, refused);
        }
        return "redirect:/incidents/" + id + "/timeline#assets";
    }
}

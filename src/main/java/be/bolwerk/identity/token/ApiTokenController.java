package be.bolwerk.identity.token;

import be.bolwerk.shared.NotFound;
import be.bolwerk.shared.security.CurrentUser;
import jakarta.validation.Valid;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A person's own API tokens: create (shown once), list, revoke. */
@Controller
class ApiTokenController {

    private static final String PAGE = "account/tokens";

    private final ApiTokens tokens;
    private final Clock clock;

    ApiTokenController(ApiTokens tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    @ModelAttribute("scopes")
    ApiTokens.Scope[] scopes() {
        return ApiTokens.Scope.values();
    }

    @ModelAttribute("validities")
    List<Integer> validities() {
        return List.of(30, 90, 180, ApiTokens.LONGEST_VALIDITY_DAYS);
    }

    @GetMapping("/account/tokens")
    String list(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("apiTokenForm", ApiTokenForm.empty());
        return page(user, model);
    }

    @PostMapping("/account/tokens")
    String create(
            @Valid @ModelAttribute("apiTokenForm") ApiTokenForm form,
            BindingResult binding,
            @AuthenticationPrincipal CurrentUser user,
            Model model) {
        if (!binding.hasErrors()) {
            model.addAttribute("newToken", tokens.create(user.id(), form.name(), form.scope(), form.validityDays()));
            model.addAttribute("apiTokenForm", ApiTokenForm.empty());
        }
        return page(user, model);
    }

    @PostMapping("/account/tokens/{id}/revoke")
    String revoke(@PathVariable UUID id, @AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        if (!tokens.revoke(user.id(), id)) {
            throw new TokenNotFound();
        }
        redirect.addFlashAttribute("notice", "tokens.revoked");
        return "redirect:/account/tokens";
    }

    private String page(CurrentUser user, Model model) {
        model.addAttribute("tokens", tokens.of(user.id()));
        model.addAttribute("now", clock.instant());
        return PAGE;
    }

    /** Someone else's token or none at all: the same answer. */
    static final class TokenNotFound extends NotFound {
        TokenNotFound() {
            super("API token not found for this account");
        }
    }
}

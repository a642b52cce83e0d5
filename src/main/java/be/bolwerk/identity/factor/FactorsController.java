package be.bolwerk.identity.factor;

import be.bolwerk.identity.signin.Reauthentication;
import be.bolwerk.shared.NotFound;
import be.bolwerk.shared.security.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A person's own second factors: the authenticator app, the recovery codes and passkeys. Looking is free;
 * every change first asks for the password and a code again ({@link Reauthentication}, ASVS 7.5.1). Adding a
 * passkey happens in the browser against Spring Security's WebAuthn endpoints, which check the same proof.
 */
@Controller
class FactorsController {

    private static final String PAGE = "account/factors";
    private static final String REDIRECT = "redirect:/account/factors";

    private final SecondFactors factors;
    private final Passkeys passkeys;
    private final Reauthentication reauthentication;
    private final Totp totp;

    FactorsController(SecondFactors factors, Passkeys passkeys, Reauthentication reauthentication, Totp totp) {
        this.factors = factors;
        this.passkeys = passkeys;
        this.reauthentication = reauthentication;
        this.totp = totp;
    }

    @GetMapping("/account/factors")
    String overview(@AuthenticationPrincipal CurrentUser user, HttpSession session, Model model) {
        return page(user, session, model);
    }

    @PostMapping("/account/factors/proof")
    String prove(
            @RequestParam(defaultValue = "") String password,
            @RequestParam(defaultValue = "") String code,
            @AuthenticationPrincipal CurrentUser user,
            HttpServletRequest request,
            Model model,
            RedirectAttributes redirect) {
        Optional<Reauthentication.Failure> failure = reauthentication.prove(user, password, code, request);
        if (failure.isPresent()) {
            model.addAttribute("proofFailure", "factors.proof." + failure.get());
            return page(user, request.getSession(), model);
        }
        redirect.addFlashAttribute("notice", "factors.proof.accepted");
        return REDIRECT;
    }

    @PostMapping("/account/factors/recovery-codes")
    String renewRecoveryCodes(
            @RequestParam(defaultValue = "false") boolean confirmed,
            @AuthenticationPrincipal CurrentUser user,
            HttpSession session,
            Model model,
            RedirectAttributes redirect) {
        if (!reauthentication.isRecent(session)) {
            return proofFirst(redirect);
        }
        if (!confirmed) {
            redirect.addFlashAttribute("problem", "users.confirmFirst");
            return REDIRECT;
        }
        model.addAttribute("recoveryCodes", factors.renewRecoveryCodes(user.id()));
        return "account/recovery-codes";
    }

    @PostMapping("/account/factors/authenticator")
    String replaceAuthenticator(
            @AuthenticationPrincipal CurrentUser user, HttpSession session, Model model, RedirectAttributes redirect) {
        if (!reauthentication.isRecent(session)) {
            return proofFirst(redirect);
        }
        return replacementPage(user, model);
    }

    @PostMapping("/account/factors/authenticator/confirm")
    String confirmAuthenticator(
            @RequestParam(defaultValue = "") String code,
            @AuthenticationPrincipal CurrentUser user,
            HttpSession session,
            Model model,
            RedirectAttributes redirect) {
        if (!reauthentication.isRecent(session)) {
            return proofFirst(redirect);
        }
        if (!factors.confirmReplacement(user.id(), code)) {
            model.addAttribute("wrongCode", true);
            return replacementPage(user, model);
        }
        reauthentication.forget(session);
        redirect.addFlashAttribute("notice", "factors.authenticator.replaced");
        return REDIRECT;
    }

    @PostMapping("/account/factors/passkeys/{credentialId}/delete")
    String removePasskey(
            @PathVariable String credentialId,
            @RequestParam(defaultValue = "false") boolean confirmed,
            @AuthenticationPrincipal CurrentUser user,
            HttpSession session,
            RedirectAttributes redirect) {
        // Someone else's passkey id answers like an unknown one, before anything else is said about it.
        if (passkeys.of(user.email()).stream().noneMatch(p -> p.id().equals(credentialId))) {
            throw new PasskeyNotFound();
        }
        if (!reauthentication.isRecent(session)) {
            return proofFirst(redirect);
        }
        if (!confirmed) {
            redirect.addFlashAttribute("problem", "users.confirmFirst");
            return REDIRECT;
        }
        if (!passkeys.remove(user.id(), user.email(), credentialId)) {
            throw new PasskeyNotFound();
        }
        redirect.addFlashAttribute("notice", "factors.passkey.removed");
        return REDIRECT;
    }

    private String page(CurrentUser user, HttpSession session, Model model) {
        model.addAttribute("enrolment", factors.enrolment(user.id()).orElseThrow());
        model.addAttribute("recoveryCodesLeft", factors.unusedRecoveryCodes(user.id()));
        model.addAttribute("passkeys", passkeys.of(user.email()));
        model.addAttribute("proved", reauthentication.isRecent(session));
        model.addAttribute("labelLength", Passkeys.LABEL_LENGTH);
        return PAGE;
    }

    private String replacementPage(CurrentUser user, Model model) {
        String secret = factors.replacementSecret(user.id());
        model.addAttribute("secret", secret);
        model.addAttribute("qrCode", totp.qrDataUri(secret, user.email()));
        return "account/authenticator";
    }

    private static String proofFirst(RedirectAttributes redirect) {
        redirect.addFlashAttribute("problem", "factors.proof.required");
        return REDIRECT;
    }

    static final class PasskeyNotFound extends NotFound {
        PasskeyNotFound() {
            super("passkey");
        }
    }
}

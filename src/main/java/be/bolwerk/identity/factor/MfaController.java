package be.bolwerk.identity.factor;

import be.bolwerk.identity.demo.DemoAccountCatalogue;
import be.bolwerk.identity.signin.SecondFactorAuthentication;
import be.bolwerk.identity.signin.ThrottleFilter;
import be.bolwerk.shared.security.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The second step of signing in. An account with a confirmed authenticator types its code (checked by the
 * filter behind {@code POST /mfa/code}); an account without one enrols here at its first sign-in: QR code and
 * typed-in secret, a first code to confirm, then ten recovery codes shown once. Enrolment is only possible
 * while no authenticator is confirmed, so a stolen password cannot enrol the thief's app.
 */
@Controller
class MfaController {

    private final SecondFactors factors;
    private final Totp totp;
    private final DemoAccountCatalogue demo;
    private final SecurityContextRepository contexts;
    private final Passkeys passkeys;

    MfaController(
            SecondFactors factors,
            Totp totp,
            DemoAccountCatalogue demo,
            SecurityContextRepository contexts,
            Passkeys passkeys) {
        this.passkeys = passkeys;
        this.factors = factors;
        this.totp = totp;
        this.demo = demo;
        this.contexts = contexts;
    }

    @GetMapping("/mfa")
    String secondStep(Authentication authentication, Model model) {
        CurrentUser user = (CurrentUser) authentication.getPrincipal();
        Optional<SecondFactors.Enrolment> enrolment = factors.enrolment(user.id());
        if (enrolment.isPresent() && enrolment.get().confirmed()) {
            if (demo.usesDemoSecret(enrolment.get().secret())) {
                model.addAttribute("demoCode", totp.codeAt(enrolment.get().secret(), totp.currentStep()));
            }
            model.addAttribute("hasPasskey", passkeys.any(user.email()));
            return "mfa/code";
        }
        return enrolmentPage(user, model);
    }

    /** Where {@link ThrottleFilter} forwards a throttled code; it has set status and header. */
    @RequestMapping("/mfa/throttled")
    String throttled(Authentication authentication, HttpServletRequest request, Model model) {
        if (!(request.getAttribute(ThrottleFilter.WAIT_ATTRIBUTE) instanceof Long wait)) {
            return "redirect:/mfa";
        }
        model.addAttribute("throttledMinutes", Math.max(1, (wait + 59) / 60));
        return secondStep(authentication, model);
    }

    @PostMapping("/mfa/enrol")
    String confirmEnrolment(
            @RequestParam(defaultValue = "") String code,
            Authentication authentication,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        CurrentUser user = (CurrentUser) authentication.getPrincipal();
        if (factors.enrolment(user.id()).map(SecondFactors.Enrolment::confirmed).orElse(false)) {
            return "redirect:/mfa";
        }
        Optional<List<String>> recoveryCodes = factors.confirm(user.id(), code);
        if (recoveryCodes.isEmpty()) {
            model.addAttribute("wrongCode", true);
            return enrolmentPage(user, model);
        }
        grantSecondFactor(authentication, request, response);
        model.addAttribute("recoveryCodes", recoveryCodes.get());
        return "mfa/recovery-codes";
    }

    private String enrolmentPage(CurrentUser user, Model model) {
        String secret = factors.pendingSecret(user.id());
        model.addAttribute("secret", secret);
        model.addAttribute("qrCode", totp.qrDataUri(secret, user.email()));
        return "mfa/enrol";
    }

    /** The first correct code during enrolment counts as the second factor of this sign-in. */
    private void grantSecondFactor(Authentication current, HttpServletRequest request, HttpServletResponse response) {
        Collection<GrantedAuthority> authorities = new ArrayList<>(current.getAuthorities());
        authorities.add(Factors.totp());
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new SecondFactorAuthentication((CurrentUser) current.getPrincipal(), authorities));
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
    }
}

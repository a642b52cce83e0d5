package be.bolwerk.identity.signin;

import be.bolwerk.identity.demo.DemoAccountCatalogue;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/** Our own sign-in page: accessible, Dutch, and in demo mode listing the demo accounts. */
@Controller
class LoginController {

    private final DemoAccountCatalogue demoAccounts;

    LoginController(DemoAccountCatalogue demoAccounts) {
        this.demoAccounts = demoAccounts;
    }

    @GetMapping("/login")
    String login(Authentication authentication, Model model) {
        if (authentication != null && !(authentication instanceof AnonymousAuthenticationToken)) {
            return "redirect:/";
        }
        model.addAttribute("demoAccounts", demoAccounts.accounts());
        model.addAttribute("demoPassword", demoAccounts.password());
        model.addAttribute("demoTotpSecret", demoAccounts.totpSecret());
        return "login";
    }

    /** Where {@link ThrottleFilter} forwards a refused attempt; the filter has set status and header. */
    @RequestMapping("/login/throttled")
    String throttled(HttpServletRequest request, Model model) {
        Object seconds = request.getAttribute(ThrottleFilter.WAIT_ATTRIBUTE);
        if (!(seconds instanceof Long wait)) {
            return "redirect:/login";
        }
        model.addAttribute("throttledMinutes", Math.max(1, (wait + 59) / 60));
        model.addAttribute("demoAccounts", demoAccounts.accounts());
        model.addAttribute("demoPassword", demoAccounts.password());
        model.addAttribute("demoTotpSecret", demoAccounts.totpSecret());
        return "login";
    }
}

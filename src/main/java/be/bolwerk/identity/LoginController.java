package be.bolwerk.identity;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

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
        return "login";
    }
}

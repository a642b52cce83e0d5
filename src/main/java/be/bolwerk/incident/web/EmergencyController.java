package be.bolwerk.incident.web;

import be.bolwerk.incident.intake.IncidentProperties;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The public emergency page: the CRT's 24/7 number and what to have ready for the call. Open to anyone without
 * signing in (someone locked out by ransomware cannot sign in), and built from settings and messages only: it
 * touches no database and creates no session, so it stays up when the rest of Bolwerk is under strain. Its
 * template has a head of its own without the layout's CSRF token, which would create a session.
 */
@Controller
class EmergencyController {

    static final String PATH = "/noodnummer";

    private final IncidentProperties properties;

    EmergencyController(IncidentProperties properties) {
        this.properties = properties;
    }

    @GetMapping(PATH)
    String show(Model model) {
        model.addAttribute("hotline", properties.hotline());
        model.addAttribute("hotlineLink", properties.hotlineLink());
        return "incident/emergency";
    }
}

package be.bolwerk.identity.membership;

import be.bolwerk.shared.security.Persona;
import java.util.Map;

/** Dutch persona names for mails, which are written in Dutch whatever language the sender's screen uses. */
public final class PersonaLabels {

    public static final Map<Persona, String> DUTCH = Map.of(
            Persona.PROGRAMME_OFFICER, "programmabeheerder",
            Persona.AUDITOR, "auditor",
            Persona.HACKING_SUPERVISOR, "begeleider ethisch hacken",
            Persona.STUDENT, "student ethisch hacken",
            Persona.CRT_ANALYST, "analist van het Cyber Response Team",
            Persona.TOOLKIT_EDITOR, "redacteur van de toolkit",
            Persona.PLATFORM_ADMIN, "platformbeheerder");

    private PersonaLabels() {}
}

package be.bolwerk.engagement.web;

import be.bolwerk.engagement.scope.Scope;
import be.bolwerk.engagement.work.Engagement;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;

/**
 * The scope as the organisation types it: one entry a line in each list, the allowed techniques as ticked boxes.
 * The organisation and college are chosen when requesting only; a change keeps them.
 */
public record ScopeForm(
        UUID organisationId,
        String college,

        @NotBlank(message = "{validation.required}") @Size(max = 200, message = "{validation.size.max}")
        String title,

        @Size(max = 4000, message = "{validation.size.max}") String ipRanges,
        @Size(max = 4000, message = "{validation.size.max}") String domains,
        @Size(max = 4000, message = "{validation.size.max}") String applications,
        @Size(max = 2000, message = "{validation.size.max}") String timeWindows,
        @Size(max = 4000, message = "{validation.size.max}") String excluded,
        @Size(max = 2000, message = "{validation.size.max}") String sourceAddresses,
        List<String> techniques,
        @Size(max = 2000, message = "{validation.size.max}") String stopContacts,
        @Size(max = 2000, message = "{validation.size.max}") String credentialsHandover) {

    static ScopeForm empty(UUID organisationId, String college) {
        return new ScopeForm(
                organisationId,
                college,
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                List.of("PORT_SCANNING", "VULNERABILITY_SCANNING", "WEB_APPLICATION_TESTING"),
                "",
                "");
    }

    static ScopeForm of(Engagement e) {
        Scope s = e.scope();
        return new ScopeForm(
                e.organisationId(),
                e.college(),
                e.title(),
                Scope.text(s.ipRanges()),
                Scope.text(s.domains()),
                Scope.text(s.applications()),
                Scope.text(s.timeWindows()),
                Scope.text(s.excluded()),
                Scope.text(s.sourceAddresses()),
                s.techniques().stream().map(Enum::name).toList(),
                Scope.text(s.stopContacts()),
                s.credentialsHandover());
    }

    /** The checked scope; refuses the first wrong line with a key that names its field. */
    Scope scope() {
        return Scope.parse(
                ipRanges,
                domains,
                applications,
                timeWindows,
                excluded,
                sourceAddresses,
                Scope.techniques(techniques),
                stopContacts,
                credentialsHandover,
                List.of());
    }

    public boolean ticked(String technique) {
        return techniques != null && techniques.contains(technique);
    }
}

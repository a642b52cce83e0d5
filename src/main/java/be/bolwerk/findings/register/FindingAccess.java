package be.bolwerk.findings.register;

import be.bolwerk.findings.FindingId;
import be.bolwerk.shared.security.CurrentUser;
import org.springframework.stereotype.Component;

/** Loads a finding for a person together with what they may do; one outside their organisations is not found. */
@Component
public class FindingAccess {

    /** A finding as one person may use it. */
    public record Loaded(Finding finding, Access access) {}

    private final FindingStore store;

    FindingAccess(FindingStore store) {
        this.store = store;
    }

    public Loaded load(FindingId id, CurrentUser user) {
        Finding finding = store.find(id).orElseThrow(FindingNotFound::new);
        return new Loaded(
                finding, new Access(user.roleIn(finding.organisationId()).orElseThrow(FindingNotFound::new)));
    }
}

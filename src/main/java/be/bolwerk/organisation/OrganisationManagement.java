package be.bolwerk.organisation;

import be.bolwerk.shared.Refusal;
import java.time.Clock;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers and edits organisations; only programme officers may. A clash with another organisation's name or
 * NIS code, or an edit of a version someone else already changed, is a {@link Refusal} (409) named by the rule:
 * {@link #DUPLICATE_NAME}, {@link #DUPLICATE_NIS_CODE} or {@link #STALE}.
 */
@Service
@Transactional
@PreAuthorize("hasRole('PROGRAMME_OFFICER')")
public class OrganisationManagement {

    /** Another organisation already has this name; names are unique across the programme. */
    public static final String DUPLICATE_NAME = "organisation.duplicate.name";
    /** Another organisation already has this NIS code. */
    public static final String DUPLICATE_NIS_CODE = "organisation.duplicate.nisCode";
    /** The organisation changed since the form was opened; saving would silently overwrite someone's work. */
    public static final String STALE = "organisation.stale";

    private final Organisations organisations;
    private final Clock clock;

    OrganisationManagement(Organisations organisations, Clock clock) {
        this.organisations = organisations;
        this.clock = clock;
    }

    public OrganisationId register(OrganisationDetails details) {
        requireUnique(details, null);
        return save(Organisation.register(details, clock)).id();
    }

    public void update(OrganisationId id, OrganisationDetails details, int expectedVersion) {
        Organisation organisation =
                organisations.findById(id.value()).orElseThrow(() -> OrganisationNotFound.withId(id));
        requireUnique(details, organisation.profile());
        organisation.updateProfile(details, expectedVersion, clock);
        save(organisation);
    }

    private void requireUnique(OrganisationDetails details, OrganisationProfile current) {
        String name = details.name() == null ? "" : details.name().strip();
        boolean renamed = current == null || !current.name().equalsIgnoreCase(name);
        if (renamed && organisations.existsByNameIgnoreCase(name)) {
            throw Refusal.conflict(DUPLICATE_NAME);
        }
        String nis = details.nisCode() == null ? "" : details.nisCode().strip();
        boolean nisChanged = current == null || !nis.equals(current.nisCode() == null ? "" : current.nisCode());
        if (!nis.isEmpty() && nisChanged && organisations.existsByNisCode(nis)) {
            throw Refusal.conflict(DUPLICATE_NIS_CODE);
        }
    }

    /**
     * A concurrent registration can still win the race past the checks, and a concurrent edit past the version
     * check: the unique index and the version column have the last word.
     */
    private Organisation save(Organisation organisation) {
        try {
            return organisations.save(organisation);
        } catch (DuplicateKeyException e) {
            throw Refusal.conflict(DUPLICATE_NAME);
        } catch (OptimisticLockingFailureException e) {
            throw Refusal.conflict(STALE);
        }
    }
}

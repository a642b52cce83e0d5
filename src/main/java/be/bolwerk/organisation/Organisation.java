package be.bolwerk.organisation;

import be.bolwerk.shared.Refusal;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.domain.AbstractAggregateRoot;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A local government and its recorded profile. Changes go through named transitions that raise events; the
 * fields have no setters.
 */
@Table
class Organisation extends AbstractAggregateRoot<Organisation> {

    @Id
    private final UUID id;

    private String name;
    private OrganisationType type;
    private String nisCode;
    private Integer inhabitants;
    private Integer staffCount;
    private String contactEmail;
    private String contactPhone;
    private Nis2Scope nis2Scope;
    private final Instant createdAt;
    private Instant updatedAt;

    @Version
    private Integer version;

    @PersistenceCreator
    private Organisation(
            UUID id,
            String name,
            OrganisationType type,
            String nisCode,
            Integer inhabitants,
            Integer staffCount,
            String contactEmail,
            String contactPhone,
            Nis2Scope nis2Scope,
            Instant createdAt,
            Instant updatedAt,
            Integer version) {
        this.id = id;
        this.name = name;
        this.type = type;
        this.nisCode = nisCode;
        this.inhabitants = inhabitants;
        this.staffCount = staffCount;
        this.contactEmail = contactEmail;
        this.contactPhone = contactPhone;
        this.nis2Scope = nis2Scope;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
        this.version = version;
    }

    static Organisation register(OrganisationDetails details, Clock clock) {
        Instant now = clock.instant();
        Organisation organisation =
                new Organisation(UUID.randomUUID(), null, null, null, null, null, null, null, null, now, now, null);
        organisation.apply(details);
        organisation.registerEvent(new OrganisationRegistered(organisation.id(), organisation.name, organisation.type));
        return organisation;
    }

    void updateProfile(OrganisationDetails details, int expectedVersion, Clock clock) {
        if (version == null || version != expectedVersion) {
            throw Refusal.conflict(OrganisationManagement.STALE);
        }
        apply(details);
        this.updatedAt = clock.instant();
        registerEvent(new OrganisationProfileUpdated(id()));
    }

    private void apply(OrganisationDetails details) {
        this.name = required(details.name(), "name").strip();
        this.type = Objects.requireNonNull(details.type(), "type");
        this.nisCode = blankToNull(details.nisCode());
        if (nisCode != null && !nisCode.matches("\\d{5}")) {
            throw new IllegalArgumentException("NIS code must have five digits");
        }
        this.inhabitants = nonNegative(details.inhabitants(), "inhabitants");
        this.staffCount = nonNegative(details.staffCount(), "staffCount");
        this.contactEmail =
                required(details.contactEmail(), "contactEmail").strip().toLowerCase(java.util.Locale.ROOT);
        this.contactPhone = blankToNull(details.contactPhone());
        this.nis2Scope = details.nis2Scope() == null ? Nis2Scope.NOT_IN_SCOPE : details.nis2Scope();
    }

    /** The events raised since loading; Spring Data publishes and clears them on save. */
    java.util.Collection<Object> raisedEvents() {
        return domainEvents();
    }

    OrganisationId id() {
        return new OrganisationId(id);
    }

    OrganisationProfile profile() {
        return new OrganisationProfile(
                id(),
                name,
                type,
                nisCode,
                inhabitants,
                staffCount,
                contactEmail,
                contactPhone,
                nis2Scope == null ? Nis2Scope.NOT_IN_SCOPE : nis2Scope,
                createdAt,
                updatedAt,
                version == null ? 0 : version);
    }

    private static String required(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " is required");
        }
        return value;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static Integer nonNegative(Integer value, String what) {
        if (value != null && value < 0) {
            throw new IllegalArgumentException(what + " must not be negative");
        }
        return value;
    }
}

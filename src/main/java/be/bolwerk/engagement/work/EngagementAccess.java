package be.bolwerk.engagement.work;

import be.bolwerk.engagement.EngagementId;
import be.bolwerk.identity.ProgrammePeople;
import be.bolwerk.shared.security.CurrentUser;
import be.bolwerk.shared.security.Persona;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Loads an engagement for a person together with what they may do; one that is not theirs is not found. */
@Component
public class EngagementAccess {

    /** An engagement as one person may use it. */
    public record Loaded(Engagement engagement, Access access) {}

    private final EngagementStore store;
    private final ProgrammePeople people;

    EngagementAccess(EngagementStore store, ProgrammePeople people) {
        this.store = store;
        this.people = people;
    }

    public Loaded load(EngagementId id, CurrentUser user) {
        Engagement engagement = store.find(id).orElseThrow(EngagementNotFound::new);
        Access access = of(engagement, user);
        if (!access.any()) {
            throw new EngagementNotFound();
        }
        return new Loaded(engagement, access);
    }

    Access of(Engagement engagement, CurrentUser user) {
        boolean supervisor = user.has(Persona.HACKING_SUPERVISOR)
                && college(user, Persona.HACKING_SUPERVISOR)
                        .map(engagement.college()::equals)
                        .orElse(false);
        boolean student = user.has(Persona.STUDENT) && store.isAssigned(engagement.id(), user.id());
        return new Access(
                user.roleIn(engagement.organisationId()).orElse(null),
                supervisor,
                student,
                user.has(Persona.PROGRAMME_OFFICER));
    }

    /** The college of a supervisor or student; empty for anyone else. */
    public Optional<String> college(CurrentUser user, Persona persona) {
        return user.has(persona) ? people.affiliationOf(user.id(), persona) : Optional.empty();
    }
}

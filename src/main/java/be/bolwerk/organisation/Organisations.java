package be.bolwerk.organisation;

import java.util.UUID;
import org.springframework.data.repository.CrudRepository;

/** Stores organisation aggregates. Lists and searches go through {@link OrganisationDirectory}'s SQL. */
interface Organisations extends CrudRepository<Organisation, UUID> {

    boolean existsByNameIgnoreCase(String name);

    boolean existsByNisCode(String nisCode);
}

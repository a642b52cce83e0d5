package be.bolwerk.organisation;

import java.util.UUID;
import org.springframework.data.repository.CrudRepository;

/**
 * The one store of organisation aggregates (ADR 0002): a repository, because an edit saves the whole profile
 * and the {@code @Version} column makes a concurrent edit fail instead of overwriting. Lists and searches go
 * through {@link OrganisationDirectory}'s SQL.
 */
interface Organisations extends CrudRepository<Organisation, UUID> {

    boolean existsByNameIgnoreCase(String name);

    boolean existsByNisCode(String nisCode);
}

package dev.foyer.federation;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Port: the identity providers of the current tenant. Names are unique per tenant, ignoring case. */
public interface IdentityProviderRepository {

    List<IdentityProvider> findAll();

    Optional<IdentityProvider> findById(UUID id);

    /** The provider called {@code name}, ignoring case. */
    Optional<IdentityProvider> findByName(String name);

    /** @throws IllegalArgumentException when the tenant already has a provider of that name */
    IdentityProvider insert(IdentityProvider provider);

    /**
     * Replaces everything but the id, name and creation time.
     *
     * @throws java.util.NoSuchElementException when the provider is not in the current tenant
     */
    IdentityProvider update(IdentityProvider provider);

    /** Removes the provider; unknown ids are ignored. Users' federated identities stay (they name the issuer). */
    void delete(UUID id);
}

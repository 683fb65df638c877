package dev.foyer.application;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Port: the app registrations of the current tenant. */
public interface ApplicationRepository {

    Optional<Application> findByClientId(UUID clientId);

    /** As {@link #findByClientId(UUID)}; a string that is not a canonical GUID finds nothing. */
    Optional<Application> findByClientId(String clientId);

    List<Application> findAll();

    /**
     * Checks the registration against {@link RedirectUriRules} and stores it, assigning a client
     * id when it has none.
     *
     * @throws IllegalArgumentException with a message for the admin when a rule is broken; nothing
     *                                  is written then
     */
    Application register(Application application);

    /**
     * Replaces the redirect URIs of the current tenant's application {@code clientId}, keeping its
     * client id, secrets and everything else.
     *
     * @throws IllegalArgumentException when the tenant has no such application or a rule of
     *                                  {@link RedirectUriRules} is broken; nothing is written then
     */
    Application updateRedirectUris(UUID clientId, List<String> redirectUris);
}

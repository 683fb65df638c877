package dev.foyer.application;

import java.util.List;
import java.util.UUID;

/** Port: client secrets of web applications in the current tenant. Only hashes are stored. */
public interface ClientSecrets {

    /**
     * Issues a new secret; its plaintext is returned here and never again.
     *
     * @throws IllegalArgumentException when the client is unknown in this tenant or not a web application
     */
    IssuedSecret issue(UUID clientId);

    /** True when {@code presentedSecret} matches any of the client's secrets that is neither revoked nor expired. */
    boolean verify(UUID clientId, String presentedSecret);

    /** The client's secrets, revoked and expired ones included, oldest first. */
    List<ClientSecret> list(UUID clientId);

    /** Revokes the secret; unknown ids (or those of other tenants) are ignored. */
    void revoke(UUID secretId);
}

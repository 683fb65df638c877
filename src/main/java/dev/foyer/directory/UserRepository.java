package dev.foyer.directory;

import java.util.Optional;
import java.util.UUID;

/** Port: the users of the current tenant. Implementations read the tenant from the tenant context. */
public interface UserRepository {

    Optional<User> findById(UUID objectId);

    /** The user whose local email identity is {@code email}. */
    Optional<User> findByEmail(EmailAddress email);

    /** The user holding {@code identity} (e.g. a federated issuer + subject), if any. */
    Optional<User> findByIdentity(Identity identity);

    /**
     * Adds {@code identity} to the user (linking another way to sign in).
     *
     * @throws AccountExistsException when the identity already belongs to a user of the tenant;
     *                                nothing is written then
     * @throws java.util.NoSuchElementException when the user is not in the current tenant
     */
    void addIdentity(UUID objectId, Identity identity) throws AccountExistsException;

    /** Removes {@code identity} from the user; whether it was there. */
    boolean removeIdentity(UUID objectId, Identity identity);

    /**
     * Writes the user, its identities and (when not null) its password hash atomically.
     *
     * @throws AccountExistsException when one of the identities already belongs to a user of the
     *                                tenant; nothing is written then
     */
    User insert(User user, String passwordHash) throws AccountExistsException;

    /**
     * Users whose local email starts with {@code text} or whose names contain it (ignoring case),
     * ordered by creation; every user when {@code text} is blank.
     */
    java.util.List<User> search(String text, int limit);

    /**
     * Replaces the names and custom attributes of {@code user}.
     *
     * @throws java.util.NoSuchElementException when the user is not in the current tenant
     */
    User updateProfile(User user);

    /** @throws java.util.NoSuchElementException when the user is not in the current tenant */
    void setEnabled(UUID objectId, boolean enabled);

    /** Removes the user with identities, password, sessions, grants and methods; unknown ids are ignored. */
    void delete(UUID objectId);

    Optional<String> passwordHash(UUID objectId);

    /** @throws java.util.NoSuchElementException when the user is not in the current tenant */
    void updatePasswordHash(UUID objectId, String newHash);
}

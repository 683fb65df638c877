package dev.foyer.directory;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;

import dev.foyer.tenant.TenantContext;

/** Local accounts of the current tenant: sign-up, password sign-in, lookup. */
@Service
public class Accounts {

    private static final Logger log = LoggerFactory.getLogger(Accounts.class);

    private final UserRepository users;
    private final PasswordHasher hasher;
    private final ApplicationEventPublisher events;
    // Verified against when the email is unknown, so both answers take one check's time.
    private final String decoyHash;

    public Accounts(UserRepository users, PasswordHasher hasher, ApplicationEventPublisher events) {
        this.users = users;
        this.hasher = hasher;
        this.events = events;
        this.decoyHash = hasher.decoyHash();
    }

    /**
     * Creates an enabled user with a local email identity. The hash is computed before the write so
     * no database connection is held during the deliberately slow hashing; the write itself is one
     * transaction in {@link UserRepository#insert}.
     */
    public User signUp(NewUser newUser) throws AccountExistsException {
        if (users.findByEmail(newUser.email()).isPresent()) {
            throw new AccountExistsException();
        }
        String passwordHash = hasher.hash(newUser.password());
        User user = new User(UUID.randomUUID(), newUser.displayName(), newUser.givenName(), newUser.surname(),
                newUser.extensions(), true, Instant.now().truncatedTo(ChronoUnit.MICROS),
                List.of(Identity.emailAddress(TenantContext.current().name(), newUser.email())));
        return users.insert(user, passwordHash);
    }

    /**
     * The user when {@code password} is theirs and they may sign in; empty for an unknown email, a
     * wrong password or a disabled user, without telling which.
     */
    public Optional<User> verifyPassword(EmailAddress email, CharSequence password) {
        Optional<User> user = users.findByEmail(email);
        Optional<String> hash = user.flatMap(found -> users.passwordHash(found.objectId()));
        if (hash.isEmpty()) {
            hasher.matches(password, decoyHash);
            return Optional.empty();
        }
        if (!hasher.matches(password, hash.get()) || !user.get().enabled()) {
            return Optional.empty();
        }
        if (hasher.needsRehash(hash.get())) {
            rehash(user.get().objectId(), password);
        }
        return user;
    }

    /**
     * Replaces the user's password with a fresh hash of {@code newPassword} and announces
     * {@link PasswordChanged}, so that whatever trusted the old password ends in the caller's
     * transaction. The caller has checked the flow's password policy.
     *
     * @throws java.util.NoSuchElementException when the user is not in the current tenant
     */
    public void changePassword(UUID objectId, CharSequence newPassword) {
        users.updatePasswordHash(objectId, hasher.hash(newPassword));
        events.publishEvent(new PasswordChanged(objectId, Instant.now()));
    }

    /** The enabled user whose sign-in email is {@code email}: who a password reset may be for. */
    public Optional<User> findEnabled(EmailAddress email) {
        return users.findByEmail(email).filter(User::enabled);
    }

    /**
     * Replaces the names and custom attributes of {@code user} (the user editing their profile).
     *
     * @throws java.util.NoSuchElementException when the user is not in the current tenant
     */
    public User updateProfile(User user) {
        return users.updateProfile(user);
    }

    public Optional<User> find(UUID objectId) {
        return users.findById(objectId);
    }

    /** Whether a local account uses {@code email}. Only ask after the caller proved they own it. */
    public boolean exists(EmailAddress email) {
        return users.findByEmail(email).isPresent();
    }

    private void rehash(UUID objectId, CharSequence password) {
        try {
            users.updatePasswordHash(objectId, hasher.hash(password));
        } catch (DataAccessException e) {
            // The old hash still works; the upgrade is retried on the next sign-in.
            log.warn("Could not upgrade the password hash of user {}", objectId, e);
        }
    }
}

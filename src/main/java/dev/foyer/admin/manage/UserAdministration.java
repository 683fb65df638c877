package dev.foyer.admin.manage;

import dev.foyer.admin.access.AdminCaller;
import dev.foyer.admin.access.SystemTenant;
import dev.foyer.directory.AccountExistsException;
import dev.foyer.directory.Accounts;
import dev.foyer.directory.EmailAddress;
import dev.foyer.directory.Identity;
import dev.foyer.directory.InvalidEmailException;
import dev.foyer.directory.NewUser;
import dev.foyer.directory.PasswordPolicy;
import dev.foyer.directory.User;
import dev.foyer.directory.UserRepository;
import dev.foyer.lockout.SignInLockout;
import dev.foyer.mfa.phone.PhoneMethod;
import dev.foyer.mfa.phone.PhoneMethodAdministration;
import dev.foyer.mfa.phone.PhoneMethods;
import dev.foyer.tenant.TenantContext;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Users of the current tenant, administered: create, search, read, change their profile, disable,
 * delete, set a new password, end a sign-in lockout, remove phone methods so that the user
 * enrolls again, and unlink federated identities. Passwords set by an administrator follow the strong policy whatever the flows say.
 */
@Service
public class UserAdministration {

    public static final int MAX_NAME = 256;
    public static final int MAX_LIMIT = 200;

    private final Accounts accounts;
    private final UserRepository users;
    private final PhoneMethods phones;
    private final AttributeAdministration attributes;
    private final AdminChanges changes;
    private final PhoneMethodAdministration phoneRemoval;
    private final SignInLockout lockout;

    UserAdministration(Accounts accounts, UserRepository users, PhoneMethods phones,
                       AttributeAdministration attributes,
            AdminChanges changes, PhoneMethodAdministration phoneRemoval, SignInLockout lockout) {
        this.lockout = lockout;
        this.changes = changes;
        this.phoneRemoval = phoneRemoval;
        this.accounts = accounts;
        this.users = users;
        this.phones = phones;
        this.attributes = attributes;
    }

    /** A new user's details. */
    public record NewUserInput(String email, String password, String displayName, String givenName, String surname,
                               Map<String, Object> extensions) {
    }

    /** Profile changes; null fields keep their value, an extension set to null is removed. */
    public record ProfileInput(String displayName, String givenName, String surname, Map<String, Object> extensions) {
    }

    /** A phone method as administrators see it: the number masked. */
    public record PhoneMethodView(UUID id, String maskedNumber, java.time.Instant verifiedAt) {
    }

    @Transactional
    public User create(NewUserInput input, AdminCaller caller) {
        Map<String, String> errors = new LinkedHashMap<>();
        EmailAddress email = null;
        try {
            email = EmailAddress.parse(input.email());
        } catch (InvalidEmailException e) {
            errors.put("email", e.getMessage());
        }
        checkPassword(input.password(), errors);
        checkNames(input.displayName(), input.givenName(), input.surname(), errors);
        Map<String, Object> extensions = input.extensions() == null ? Map.of() : input.extensions();
        checkExtensions(extensions, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        try {
            User created = accounts.signUp(new NewUser(email, input.password(), input.displayName(),
                    input.givenName(), input.surname(), withoutNulls(extensions)));
            changes.record(caller, "user", "create", created.objectId().toString(), null, created);
            return created;
        } catch (AccountExistsException e) {
            throw new ConflictException("A user with the email " + email + " already exists.");
        }
    }

    /** Users whose email starts with {@code text} or whose names contain it. */
    public List<User> search(String text, Integer limit, AdminCaller caller) {
        int max = limit == null ? 50 : limit;
        if (max < 1 || max > MAX_LIMIT) {
            throw InvalidInputException.of("limit", "The limit is between 1 and " + MAX_LIMIT + ".");
        }
        return users.search(text, max);
    }

    public User get(String objectId, AdminCaller caller) {
        return id(objectId).flatMap(users::findById)
                .orElseThrow(() -> new NoSuchElementException("No user " + objectId + " in this tenant"));
    }

    @Transactional
    public User update(String objectId, ProfileInput input, AdminCaller caller) {
        User current = get(objectId, caller);
        Map<String, String> errors = new LinkedHashMap<>();
        checkNames(input.displayName(), input.givenName(), input.surname(), errors);
        Map<String, Object> changedExtensions = input.extensions() == null ? Map.of() : input.extensions();
        checkExtensions(changedExtensions, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        Map<String, Object> extensions = new LinkedHashMap<>(current.extensions());
        changedExtensions.forEach((name, value) -> {
            if (value == null) {
                extensions.remove(name);
            } else {
                extensions.put(name, value);
            }
        });
        User updated = users.updateProfile(new User(current.objectId(),
                input.displayName() != null ? input.displayName() : current.displayName(),
                input.givenName() != null ? input.givenName() : current.givenName(),
                input.surname() != null ? input.surname() : current.surname(),
                extensions, current.enabled(), current.createdAt(), current.identities()));
        changes.record(caller, "user", "update", current.objectId().toString(), current, updated);
        return updated;
    }

    /** A disabled user cannot sign in; their account and data stay. */
    @Transactional
    public User setEnabled(String objectId, boolean enabled, AdminCaller caller) {
        User user = get(objectId, caller);
        if (!enabled) {
            refuseSelf(user, caller, "disable");
        }
        users.setEnabled(user.objectId(), enabled);
        User changed = get(objectId, caller);
        changes.record(caller, "user", enabled ? "enable" : "disable", user.objectId().toString(), user, changed);
        return changed;
    }

    @Transactional
    public void delete(String objectId, AdminCaller caller) {
        User user = get(objectId, caller);
        refuseSelf(user, caller, "delete");
        users.delete(user.objectId());
        changes.record(caller, "user", "delete", user.objectId().toString(), user, null);
    }

    /**
     * Sets a new password chosen by the administrator (strong policy). Like any password change, it
     * ends the user's SSO sessions and revokes their refresh tokens.
     */
    @Transactional
    public void resetPassword(String objectId, String password, AdminCaller caller) {
        User user = get(objectId, caller);
        Map<String, String> errors = new LinkedHashMap<>();
        checkPassword(password, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        accounts.changePassword(user.objectId(), password);
        changes.record(caller, "user", "resetPassword", user.objectId().toString(), null, null);
    }

    /** Until when the user's sign-in is locked; empty when it is not. */
    public Optional<Instant> lockedUntil(User user) {
        return lockout.lockedUntil(user);
    }

    /** Of {@code users}, those whose sign-in is locked, with the end of the lockout. */
    public Map<UUID, Instant> lockedUntil(List<User> users) {
        return lockout.lockedUntil(users);
    }

    /** Ends the user's sign-in lockout, if any, and forgets their failures; recorded as {@code signIn.unlocked}. */
    @Transactional
    public User unlock(String objectId, AdminCaller caller) {
        User user = get(objectId, caller);
        lockout.unlock(user, caller.actor());
        return user;
    }

    public List<PhoneMethodView> phoneMethods(String objectId, AdminCaller caller) {
        User user = get(objectId, caller);
        return phones.verified(user.objectId()).stream()
                .map(m -> new PhoneMethodView(m.id(), m.number().masked(), m.verifiedAt())).toList();
    }

    /** Removes a verified phone; where a flow requires MFA, the user enrolls a phone again. */
    @Transactional
    public void deletePhoneMethod(String objectId, String methodId, AdminCaller caller) {
        User user = get(objectId, caller);
        PhoneMethod method = phones.verified(user.objectId()).stream()
                .filter(m -> m.id().toString().equalsIgnoreCase(methodId)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("No phone method " + methodId + " of user " + objectId));
        phoneRemoval.remove(user.objectId(), method.id(), caller.actor());
    }

    /**
     * Unlinks a federated identity (a social or enterprise account) from the user.
     *
     * @throws InvalidInputException  when a field is missing or the identity is not federated
     * @throws NoSuchElementException when the user has no such identity
     * @throws ConflictException      when it is the user's only way to sign in
     */
    @Transactional
    public User removeIdentity(String objectId, String signInType, String issuer, String issuerAssignedId,
                               AdminCaller caller) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (signInType == null || signInType.isBlank()) {
            errors.put("signInType", "Required: federated.");
        } else if (!signInType.equals(Identity.FEDERATED)) {
            errors.put("signInType", "Only federated identities can be removed; the user's email address identity"
                    + " is how they sign in with a password.");
        }
        if (issuer == null || issuer.isBlank()) {
            errors.put("issuer", "Required: the identity's issuer, e.g. google.com.");
        }
        if (issuerAssignedId == null || issuerAssignedId.isBlank()) {
            errors.put("issuerAssignedId", "Required: the identity's id at the issuer.");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        User user = get(objectId, caller);
        Identity identity = Identity.federated(issuer, issuerAssignedId);
        if (!user.identities().contains(identity)) {
            throw new NoSuchElementException("The user has no such federated identity.");
        }
        if (user.identities().size() == 1) {
            throw new ConflictException("This is the user's only identity: without it they could never sign in."
                    + " Delete the user instead.");
        }
        users.removeIdentity(user.objectId(), identity);
        changes.record(caller, "userIdentity", "delete", user.objectId().toString(), identity, null);
        return get(objectId, caller);
    }

    private static void refuseSelf(User user, AdminCaller caller, String what) {
        if (caller.kind() == AdminCaller.Kind.ADMIN && caller.id().equals(user.objectId().toString())
                && TenantContext.current().name().equals(SystemTenant.NAME)) {
            throw new ConflictException("Administrators cannot " + what + " their own account.");
        }
    }

    private static void checkPassword(String password, Map<String, String> errors) {
        List<String> violations = PasswordPolicy.STRONG.violations(password);
        if (!violations.isEmpty()) {
            errors.put("password", String.join(" ", violations));
        }
    }

    private static void checkNames(String displayName, String givenName, String surname, Map<String, String> errors) {
        Map<String, String> names = new LinkedHashMap<>();
        names.put("displayName", displayName);
        names.put("givenName", givenName);
        names.put("surname", surname);
        names.forEach((field, value) -> {
            if (value != null && (value.length() > MAX_NAME || value.chars().anyMatch(Character::isISOControl))) {
                errors.put(field, "At most " + MAX_NAME + " characters, without control characters.");
            }
        });
    }

    private void checkExtensions(Map<String, Object> extensions, Map<String, String> errors) {
        extensions.forEach((name, value) -> {
            Optional<AttributeAdministration.CustomAttribute> attribute = attributes.find(name)
                    .filter(a -> a.extensionName().equals(name));
            if (attribute.isEmpty()) {
                errors.put("extensions." + name, "No custom attribute " + name + " is defined in this tenant.");
            } else if (value != null && !attribute.get().dataType().accepts(value)) {
                errors.put("extensions." + name, "The value must be of type " + attribute.get().dataType().id() + ".");
            }
        });
    }

    private static Map<String, Object> withoutNulls(Map<String, Object> extensions) {
        Map<String, Object> copy = new LinkedHashMap<>(extensions);
        copy.values().removeIf(v -> v == null);
        return copy;
    }

    private static Optional<UUID> id(String raw) {
        try {
            UUID id = UUID.fromString(raw);
            return id.toString().equalsIgnoreCase(raw) ? Optional.of(id) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}

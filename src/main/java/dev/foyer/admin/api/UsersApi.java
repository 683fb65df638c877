package dev.foyer.admin.api;

import dev.foyer.admin.access.AdminCaller;
import dev.foyer.admin.manage.UserAdministration;
import dev.foyer.admin.manage.UserAdministration.NewUserInput;
import dev.foyer.admin.manage.UserAdministration.PhoneMethodView;
import dev.foyer.admin.manage.UserAdministration.ProfileInput;
import dev.foyer.directory.Identity;
import dev.foyer.directory.User;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /tenants/{tenant}/users}: create, search, read, change, disable/enable, delete, set a new
 * password, unlock a sign-in lockout, list or remove phone methods (so the user enrolls again), and
 * unlink federated identities (listed in {@code identities}).
 */
@RestController
@RequestMapping("/admin/api/v1/tenants/{tenant}/users")
class UsersApi {

    private final UserAdministration users;
    private final TenantScope scope;

    UsersApi(UserAdministration users, TenantScope scope) {
        this.users = users;
        this.scope = scope;
    }

    /** A user; {@code lockedUntil} is the end of a running sign-in lockout, null when not locked. */
    record UserView(UUID objectId, String email, String displayName, String givenName, String surname,
                    Map<String, Object> extensions, boolean enabled, Instant createdAt, List<Identity> identities,
                    Instant lockedUntil) {
        static UserView of(User u, Instant lockedUntil) {
            return new UserView(u.objectId(), u.email().orElse(null), u.displayName(), u.givenName(), u.surname(),
                    u.extensions(), u.enabled(), u.createdAt(), u.identities(), lockedUntil);
        }
    }

    record NewUserBody(String email, String password, String displayName, String givenName, String surname,
                       Map<String, Object> extensions) implements JsonRequestBody {
    }

    record ProfileBody(String displayName, String givenName, String surname, Map<String, Object> extensions) implements JsonRequestBody {
    }

    record PasswordBody(String password) implements JsonRequestBody {
    }

    @GetMapping
    List<UserView> search(@PathVariable String tenant, @RequestParam(required = false) String search,
                          @RequestParam(required = false) Integer limit,
                          @RequestAttribute(AdminCaller.ATTRIBUTE) AdminCaller caller) {
        return scope.call(tenant, caller, () -> {
            List<User> found = users.search(search, limit, caller);
            Map<UUID, Instant> locked = users.lockedUntil(found);
            return found.stream().map(u -> UserView.of(u, locked.get(u.objectId()))).toList();
        });
    }

    @PostMapping
    ResponseEntity<UserView> create(@PathVariable String tenant, @RequestBody NewUserBody body,
                                    @RequestAttribute(AdminCaller.ATTRIBUTE) AdminCaller caller) {
        UserView user = scope.call(tenant, caller, () -> view(users.create(new NewUserInput(body.email(),
                body.password(), body.displayName(), body.givenName(), body.surname(), body.extensions()), caller)));
        return ResponseEntity.created(URI.create("/admin/api/v1/tenants/" + tenant + "/users/" + user.objectId()))
                .body(user);
    }

    @GetMapping("/{objectId}")
    UserView get(@PathVariable String tenant, @PathVariable String objectId,
                 @RequestAttribute(AdminCaller.ATTRIBUTE) AdminCaller caller) {
        return scope.call(tenant, caller, () -> view(users.get(objectId, caller)));
    }

    /** Changes the fields present; an extension set to null is removed. */
    @PatchMapping("/{objectId}")
    UserView update(@PathVariable String tenant, @PathVariable String objectId, @RequestBody ProfileBody body,
                    @RequestAttribute(AdminCaller.ATTRIBUTE) AdminCaller caller) {
        return scope.call(tenant, caller, () -> view(users.update(objectId, new ProfileInput(body.displayName(),
                body.givenName(), body.surname(), body.extensions()), caller)));
    }

    @DeleteMapping("/{objectId}")
    ResponseEntity<Void> delete(@PathVariable String tenant, @PathVariable String objectId,
                                @RequestAttribute(AdminCaller.ATTRIBUTE) AdminCaller caller) {
        scope.run(tenant, caller, () -> users.delete(objectId, caller));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{objectId}/disable")
    UserView disable(@PathVariable String tenant, @PathVariable String objectId,
                     @RequestAttribute(AdminCaller.ATTRIBUTE) AdminCaller caller) {
        return scope.call(tenant, caller, () -> view(users.setEnabled(objectId, false, caller)));
    }

    @PostMapping("/{objectId}/enable")
    UserView enable(@PathVariable String tenant, @PathVariable String objectId,
                    @RequestAttribute(AdminCaller.ATTRIBUTE) AdminCaller caller) {
        return scope.call(tenant, caller, () -> view(users.setEnabled(objectId, true, caller)));
    }

    /** Ends the user's sign-in lockout, if any, and forgets their failed sign-ins. */
    @PostMapping("/{objectId}/unlock")
    UserView unlock(@PathVariable String tenant, @PathVariable String objectId,
                    @RequestAttribute(AdminCaller.ATTRIBUTE) AdminCaller caller) {
        return scope.call(tenant, caller, () -> view(users.unlock(objectId, caller)));
    }

    /** Sets a new password chosen by the administrator (strong complexity). */
    @PutMapping("/{objectId}/password")
    ResponseEntity<Void> resetPassword(@PathVariable String tenant, @PathVariable String objectId,
                                       @RequestBody PasswordBody body,
                                       @RequestAttribute(AdminCaller.ATTRIBUTE) AdminCaller caller) {
        scope.run(tenant, caller, () -> users.resetPassword(objectId, body.password(), caller));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{objectId}/phoneMethods")
    List<PhoneMethodView> phoneMethods(@PathVariable String tenant, @PathVariable String objectId,
                                       @RequestAttribute(AdminCaller.ATTRIBUTE) AdminCaller caller) {
        return scope.call(tenant, caller, () -> users.phoneMethods(objectId, caller));
    }

    @DeleteMapping("/{objectId}/phoneMethods/{methodId}")
    ResponseEntity<Void> deletePhoneMethod(@PathVariable String tenant, @PathVariable String objectId,
                                           @PathVariable String methodId,
                                           @RequestAttribute(AdminCaller.ATTRIBUTE) AdminCaller caller) {
        scope.run(tenant, caller, () -> users.deletePhoneMethod(objectId, methodId, caller));
        return ResponseEntity.noContent().build();
    }

    /**
     * Unlinks one federated identity (the query names it: {@code signInType=federated}, {@code issuer},
     * {@code issuerAssignedId}); 404 when the user has none such, 409 when it is their only identity.
     */
    @DeleteMapping("/{objectId}/identities")
    UserView removeIdentity(@PathVariable String tenant, @PathVariable String objectId,
                            @RequestParam(required = false) String signInType,
                            @RequestParam(required = false) String issuer,
                            @RequestParam(required = false) String issuerAssignedId,
                            @RequestAttribute(AdminCaller.ATTRIBUTE) AdminCaller caller) {
        return scope.call(tenant, caller, () -> view(users.removeIdentity(objectId, signInType, issuer,
                issuerAssignedId, caller)));
    }

    /** The user as the API shows them, in the current tenant. */
    private UserView view(User user) {
        return UserView.of(user, users.lockedUntil(user).orElse(null));
    }
}

package dev.foyer.admin.portal;

import dev.foyer.directory.EmailAddress;
import dev.foyer.directory.InvalidEmailException;
import dev.foyer.directory.User;
import dev.foyer.directory.UserRepository;
import dev.foyer.admin.access.AdminCaller;
import dev.foyer.admin.manage.ConflictException;
import dev.foyer.admin.manage.InvalidInputException;
import dev.foyer.admin.manage.UserAdministration;
import dev.foyer.directory.Identity;
import java.util.NoSuchElementException;
import dev.foyer.lockout.SignInLockout;
import dev.foyer.mfa.phone.PhoneMethodAdministration;
import dev.foyer.mfa.phone.PhoneMethods;
import dev.foyer.tenant.Tenant;
import dev.foyer.tenant.TenantContext;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * Users of a tenant: found by their exact email address, shown with their phone methods (masked),
 * any of which can be removed so the user enrolls again at the next MFA sign-in, with their
 * identities (federated ones can be unlinked) and with their sign-in lockout, which can be ended.
 */
@Controller
class UserPages {

    private final PortalTenants tenants;
    private final UserRepository users;
    private final PhoneMethods phones;
    private final PhoneMethodAdministration phoneRemoval;
    private final SignInLockout lockout;
    private final UserAdministration administration;

    UserPages(PortalTenants tenants, UserRepository users, PhoneMethods phones,
              PhoneMethodAdministration phoneRemoval, SignInLockout lockout, UserAdministration administration) {
        this.administration = administration;
        this.phoneRemoval = phoneRemoval;
        this.lockout = lockout;
        this.tenants = tenants;
        this.users = users;
        this.phones = phones;
    }

    @GetMapping("/admin/tenants/{tenant}/users")
    String search(@PathVariable String tenant, @RequestParam(required = false) String email, Model model,
                  HttpServletResponse response) {
        Tenant t = tenants.get(tenant);
        model.addAttribute("tenant", t);
        model.addAttribute("email", email);
        if (email == null) {
            return "admin/users";
        }
        EmailAddress address;
        try {
            address = EmailAddress.parse(email);
        } catch (InvalidEmailException e) {
            response.setStatus(400);
            model.addAttribute("error", e.getMessage());
            return "admin/users";
        }
        Optional<User> user = TenantContext.call(t, () -> users.findByEmail(address));
        if (user.isEmpty()) {
            response.setStatus(404);
            model.addAttribute("error", "No user of this tenant signs in with " + address + ".");
            return "admin/users";
        }
        return "redirect:/admin/tenants/" + t.name() + "/users/" + user.get().objectId();
    }

    @GetMapping("/admin/tenants/{tenant}/users/{objectId}")
    String user(@PathVariable String tenant, @PathVariable String objectId, Model model) {
        return userPage(tenants.get(tenant), objectId, model);
    }

    /** Unlinks a federated identity; the user's only identity stays (409, explained on the page). */
    @PostMapping("/admin/tenants/{tenant}/users/{objectId}/identities/delete")
    String removeIdentity(@PathVariable String tenant, @PathVariable String objectId,
                          @RequestParam(required = false) String issuer,
                          @RequestParam(required = false) String issuerAssignedId,
                          @RequestAttribute(PortalModel.CALLER) AdminCaller caller, Model model,
                          HttpServletResponse response) {
        Tenant t = tenants.get(tenant);
        UUID id = uuid(objectId);
        try {
            TenantContext.run(t, () -> administration.removeIdentity(id.toString(), Identity.FEDERATED, issuer,
                    issuerAssignedId, caller));
            return "redirect:/admin/tenants/" + t.name() + "/users/" + id + "?identityRemoved";
        } catch (ConflictException | NoSuchElementException | InvalidInputException e) {
            response.setStatus(e instanceof ConflictException ? 409 : e instanceof NoSuchElementException ? 404 : 400);
            model.addAttribute("pageError", e instanceof InvalidInputException invalid
                    ? String.join(" ", invalid.fieldErrors().values()) : e.getMessage());
        }
        return userPage(t, id.toString(), model);
    }

    private String userPage(Tenant t, String objectId, Model model) {
        UUID id = uuid(objectId);
        TenantContext.run(t, () -> {
            User user = users.findById(id).orElseThrow(() -> notFound("No such user"));
            model.addAttribute("user", user);
            model.addAttribute("phones", phones.verified(id));
            model.addAttribute("lockedUntil", lockout.lockedUntil(user).orElse(null));
        });
        model.addAttribute("tenant", t);
        return "admin/user";
    }

    @PostMapping("/admin/tenants/{tenant}/users/{objectId}/phoneMethods/{methodId}/delete")
    String removePhone(@PathVariable String tenant, @PathVariable String objectId, @PathVariable String methodId,
                       @RequestAttribute(PortalModel.CALLER) AdminCaller caller) {
        Tenant t = tenants.get(tenant);
        UUID id = uuid(objectId);
        UUID method = uuid(methodId);
        TenantContext.run(t, () -> {
            users.findById(id).orElseThrow(() -> notFound("No such user"));
            phoneRemoval.remove(id, method, caller.actor());
        });
        return "redirect:/admin/tenants/" + t.name() + "/users/" + id + "?phoneRemoved";
    }

    @PostMapping("/admin/tenants/{tenant}/users/{objectId}/unlock")
    String unlock(@PathVariable String tenant, @PathVariable String objectId,
                  @RequestAttribute(PortalModel.CALLER) AdminCaller caller) {
        Tenant t = tenants.get(tenant);
        UUID id = uuid(objectId);
        TenantContext.run(t, () -> lockout.unlock(users.findById(id).orElseThrow(() -> notFound("No such user")),
                caller.actor()));
        return "redirect:/admin/tenants/" + t.name() + "/users/" + id + "?unlocked";
    }

    private static UUID uuid(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw notFound("Not an id: " + value);
        }
    }

    private static ResponseStatusException notFound(String reason) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, reason);
    }
}

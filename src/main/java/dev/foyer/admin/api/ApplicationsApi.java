package dev.foyer.admin.api;

import dev.foyer.admin.access.AdminCaller;
import dev.foyer.admin.manage.ApplicationAdministration;
import dev.foyer.admin.manage.ApplicationAdministration.ApplicationInput;
import dev.foyer.application.Application;
import dev.foyer.application.ClientSecret;
import dev.foyer.application.IssuedSecret;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Set;
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
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /tenants/{tenant}/applications}: app registrations, their client secrets (the value is in
 * the creation response only) and, in the system tenant, their admin API permissions.
 */
@RestController
@RequestMapping("/admin/api/v1/tenants/{tenant}/applications")
class ApplicationsApi {

    private final ApplicationAdministration applications;
    private final TenantScope scope;

    ApplicationsApi(ApplicationAdministration applications, TenantScope scope) {
        this.applications = applications;
        this.scope = scope;
    }

    record ApplicationView(UUID clientId, String displayName, String type, List<String> redirectUris,
                           String logoutUrl) {
        static ApplicationView of(Application a) {
            return new ApplicationView(a.clientId(), a.displayName(), a.type().name(), a.redirectUris(),
                    a.logoutUrl().orElse(null));
        }
    }

    record ApplicationBody(String displayName, String type, List<String> redirectUris, String logoutUrl) implements JsonRequestBody {
        ApplicationInput input() {
            return new ApplicationInput(displayName, type, redirectUris, logoutUrl);
        }
    }

    /** The one response that carries a secret's value. */
    record NewSecretView(UUID id, String secret, String hint, Instant createdAt, Instant expiresAt) {
    }

    record PermissionsView(Set<String> scopes) {
    }

    @GetMapping
    List<ApplicationView> list(@PathVariable String tenant, @RequestAttribute(AdminCaller.ATTRIBUTE) AdminCaller caller) {
        return scope.call(tenant, caller, () -> applications.list(caller).stream().map(ApplicationView::of).toList());
    }

    @PostMapping
    ResponseEntity<ApplicationView> register(@PathVariable String tenant, @RequestBody ApplicationBody body,
                                             @RequestAttribute(AdminCaller.ATTRIBUTE) AdminCaller caller) {
        Application app = scope.call(tenant, caller, () -> applications.register(body.input(), caller));
        return ResponseEntity.created(URI.create(base(tenant) + "/" + app.clientId())).body(ApplicationView.of(app));
    }

    @GetMapping("/{clientId}")
    ApplicationView get(@PathVariable String tenant, @PathVariable String clientId,
                        @RequestAttribute(AdminCaller.ATTRIBUTE) AdminCaller caller) {
        return scope.call(tenant, caller, () -> ApplicationView.of(applications.get(clientId, caller)));
    }

    /** Changes the fields present; absent ones keep their value. The type cannot change. */
    @PatchMapping("/{clientId}")
    ApplicationView update(@PathVariable String tenant, @PathVariable String clientId,
                           @RequestBody ApplicationBody body,
                           @RequestAttribute(AdminCaller.ATTRIBUTE) AdminCaller caller) {
        return scope.call(tenant, caller, () -> ApplicationView.of(applications.update(clientId, body.input(), caller)));
    }

    @DeleteMapping("/{clientId}")
    ResponseEntity<Void> delete(@PathVariable String tenant, @PathVariable String clientId,
                                @RequestAttribute(AdminCaller.ATTRIBUTE) AdminCaller caller) {
        scope.run(tenant, caller, () -> applications.delete(clientId, caller));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{clientId}/secrets")
    List<ClientSecret> secrets(@PathVariable String tenant, @PathVariable String clientId,
                               @RequestAttribute(AdminCaller.ATTRIBUTE) AdminCaller caller) {
        return scope.call(tenant, caller, () -> applications.listSecrets(clientId, caller));
    }

    @PostMapping("/{clientId}/secrets")
    ResponseEntity<NewSecretView> createSecret(@PathVariable String tenant, @PathVariable String clientId,
                                               @RequestAttribute(AdminCaller.ATTRIBUTE) AdminCaller caller) {
        NewSecretView created = scope.call(tenant, caller, () -> {
            IssuedSecret issued = applications.createSecret(clientId, caller);
            ClientSecret listed = applications.listSecrets(clientId, caller).stream()
                    .filter(s -> s.id().equals(issued.secretId())).findFirst().orElseThrow();
            return new NewSecretView(issued.secretId(), issued.secret(), issued.hint(), listed.createdAt(),
                    listed.expiresAt());
        });
        return ResponseEntity.created(URI.create(base(tenant) + "/" + clientId + "/secrets/" + created.id()))
                .body(created);
    }

    /** Revokes a secret at once: the token endpoint refuses it from now on. */
    @DeleteMapping("/{clientId}/secrets/{secretId}")
    ResponseEntity<Void> revokeSecret(@PathVariable String tenant, @PathVariable String clientId,
                                      @PathVariable String secretId,
                                      @RequestAttribute(AdminCaller.ATTRIBUTE) AdminCaller caller) {
        scope.run(tenant, caller, () -> applications.revokeSecret(clientId, secretId, caller));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{clientId}/permissions")
    PermissionsView permissions(@PathVariable String tenant, @PathVariable String clientId,
                                @RequestAttribute(AdminCaller.ATTRIBUTE) AdminCaller caller) {
        return scope.call(tenant, caller, () -> new PermissionsView(applications.permissions(clientId, caller)));
    }

    /** Grants {@code foyer.admin} or {@code foyer.admin.read} to an application of the system tenant. */
    @PutMapping("/{clientId}/permissions/{permission}")
    PermissionsView grant(@PathVariable String tenant, @PathVariable String clientId, @PathVariable String permission,
                          @RequestAttribute(AdminCaller.ATTRIBUTE) AdminCaller caller) {
        return scope.call(tenant, caller, () -> new PermissionsView(applications.grant(clientId, permission, caller)));
    }

    @DeleteMapping("/{clientId}/permissions/{permission}")
    PermissionsView revoke(@PathVariable String tenant, @PathVariable String clientId, @PathVariable String permission,
                           @RequestAttribute(AdminCaller.ATTRIBUTE) AdminCaller caller) {
        return scope.call(tenant, caller, () -> new PermissionsView(applications.revoke(clientId, permission, caller)));
    }

    private static String base(String tenant) {
        return "/admin/api/v1/tenants/" + tenant + "/applications";
    }
}

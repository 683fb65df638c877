package dev.foyer.admin.api;

import dev.foyer.admin.access.AdminCaller;
import dev.foyer.admin.manage.IdentityProviderAdministration;
import dev.foyer.admin.manage.IdentityProviderAdministration.ProviderInput;
import dev.foyer.admin.manage.IdentityProviderAdministration.ProviderView;
import dev.foyer.federation.IdentityProvider;
import dev.foyer.web.ServerOrigins;
import jakarta.servlet.http.HttpServletRequest;
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
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /tenants/{tenant}/identityProviders}: social and enterprise identity providers (a generic
 * OpenID Connect or OAuth 2.0 provider, or a preset). The client secret is write-only: responses
 * say {@code clientSecretSet} instead. A provider is addressed by its id or its name.
 */
@RestController
@RequestMapping("/admin/api/v1/tenants/{tenant}/identityProviders")
class IdentityProvidersApi {

    private final IdentityProviderAdministration providers;
    private final TenantScope scope;
    private final ServerOrigins origins;

    IdentityProvidersApi(IdentityProviderAdministration providers, TenantScope scope, ServerOrigins origins) {
        this.providers = providers;
        this.scope = scope;
        this.origins = origins;
    }

    /** A provider without its secret; {@code redirectUri} is what to register at the provider. */
    record IdentityProviderView(UUID id, String name, String kind, String displayName, String clientId,
                                boolean clientSecretSet, boolean enabled, String metadataUrl,
                                String authorizationUrl, String tokenUrl, String userInfoUrl, String issuer,
                                List<String> scopes, Map<String, String> claimMapping, String domainHint,
                                String responseMode, String redirectUri, Instant createdAt) {
        static IdentityProviderView of(IdentityProvider p, String redirectUri) {
            ProviderView v = ProviderView.of(p);
            return new IdentityProviderView(v.id(), v.name(), v.kind(), v.displayName(), v.clientId(),
                    v.clientSecretSet(), v.enabled(), v.metadataUrl(), v.authorizationUrl(), v.tokenUrl(),
                    v.userInfoUrl(), v.issuer(), v.scopes(), v.claimMapping(), v.domainHint(), v.responseMode(),
                    redirectUri, v.createdAt());
        }
    }

    record IdentityProviderBody(String name, String kind, String displayName, String clientId, String clientSecret,
                                Boolean enabled, String metadataUrl, String authorizationUrl, String tokenUrl,
                                String userInfoUrl, String issuer, List<String> scopes,
                                Map<String, String> claimMapping, String domainHint, String responseMode)
            implements JsonRequestBody {
        ProviderInput input() {
            return new ProviderInput(name, kind, displayName, clientId, clientSecret, enabled, metadataUrl,
                    authorizationUrl, tokenUrl, userInfoUrl, issuer, scopes, claimMapping, domainHint, responseMode);
        }

        /** This body's fields over {@code current}'s (a PATCH). */
        ProviderInput over(ProviderInput c) {
            return new ProviderInput(or(name, c.name()), or(kind, c.kind()), or(displayName, c.displayName()),
                    or(clientId, c.clientId()), clientSecret, or(enabled, c.enabled()), or(metadataUrl, c.metadataUrl()),
                    or(authorizationUrl, c.authorizationUrl()), or(tokenUrl, c.tokenUrl()),
                    or(userInfoUrl, c.userInfoUrl()), or(issuer, c.issuer()), or(scopes, c.scopes()),
                    or(claimMapping, c.claimMapping()), or(domainHint, c.domainHint()),
                    or(responseMode, c.responseMode()));
        }

        private static <T> T or(T value, T fallback) {
            return value != null ? value : fallback;
        }
    }

    @GetMapping
    List<IdentityProviderView> list(@PathVariable String tenant, HttpServletRequest request,
                                    @RequestAttribute(AdminCaller.ATTRIBUTE) AdminCaller caller) {
        return scope.call(tenant, caller, () -> providers.list(caller).stream()
                .map(p -> view(p, request)).toList());
    }

    @PostMapping
    ResponseEntity<IdentityProviderView> create(@PathVariable String tenant, @RequestBody IdentityProviderBody body,
                                                HttpServletRequest request,
                                                @RequestAttribute(AdminCaller.ATTRIBUTE) AdminCaller caller) {
        IdentityProviderView created = scope.call(tenant, caller,
                () -> view(providers.create(body.input(), caller), request));
        return ResponseEntity.created(URI.create(base(tenant) + "/" + created.id())).body(created);
    }

    @GetMapping("/{id}")
    IdentityProviderView get(@PathVariable String tenant, @PathVariable String id, HttpServletRequest request,
                             @RequestAttribute(AdminCaller.ATTRIBUTE) AdminCaller caller) {
        return scope.call(tenant, caller, () -> view(providers.get(id, caller), request));
    }

    /**
     * Replaces the provider: absent settings follow the preset again. The name and kind cannot
     * change; an absent {@code clientSecret} keeps the stored secret.
     */
    @PutMapping("/{id}")
    IdentityProviderView replace(@PathVariable String tenant, @PathVariable String id,
                                 @RequestBody IdentityProviderBody body, HttpServletRequest request,
                                 @RequestAttribute(AdminCaller.ATTRIBUTE) AdminCaller caller) {
        return scope.call(tenant, caller, () -> view(providers.replace(id, body.input(), caller), request));
    }

    /** Changes the fields present; absent ones (and the secret, when absent) keep their value. */
    @PatchMapping("/{id}")
    IdentityProviderView update(@PathVariable String tenant, @PathVariable String id,
                                @RequestBody IdentityProviderBody body, HttpServletRequest request,
                                @RequestAttribute(AdminCaller.ATTRIBUTE) AdminCaller caller) {
        return scope.call(tenant, caller, () -> view(providers.replace(id,
                body.over(ProviderInput.of(providers.get(id, caller))), caller), request));
    }

    /** Refused with 409 while a user flow lists the provider. */
    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable String tenant, @PathVariable String id,
                                @RequestAttribute(AdminCaller.ATTRIBUTE) AdminCaller caller) {
        scope.run(tenant, caller, () -> providers.delete(id, caller));
        return ResponseEntity.noContent().build();
    }

    /** Inside the tenant's scope: the redirect URI names the tenant. */
    /** Inside the tenant's scope: the redirect URI names the tenant. */
    private IdentityProviderView view(IdentityProvider provider, HttpServletRequest request) {
        return IdentityProviderView.of(provider, IdentityProviderAdministration.redirectUri(origins.of(request)));
    }

    private static String base(String tenant) {
        return "/admin/api/v1/tenants/" + tenant + "/identityProviders";
    }
}

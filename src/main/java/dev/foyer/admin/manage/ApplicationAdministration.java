package dev.foyer.admin.manage;

import dev.foyer.admin.access.AdminAccess;
import dev.foyer.admin.access.AdminCaller;
import dev.foyer.admin.access.SystemTenant;
import dev.foyer.application.ApiPermissions;
import dev.foyer.application.Application;
import dev.foyer.application.ApplicationRepository;
import dev.foyer.application.ApplicationType;
import dev.foyer.application.ClientSecret;
import dev.foyer.application.ClientSecrets;
import dev.foyer.application.IssuedSecret;
import dev.foyer.application.RedirectUriRules;
import dev.foyer.tenant.TenantContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * App registrations of the current tenant, administered: register, change, delete; client secrets
 * (issued once, listed without the secret, revoked); and, in the system tenant only, the admin API
 * permissions of automation.
 */
@Service
public class ApplicationAdministration {

    /** The scopes an application can be granted: those of the admin API. */
    public static final Set<String> GRANTABLE = Set.of(AdminAccess.SCOPE, AdminAccess.READ_SCOPE);

    private final ApplicationRepository applications;
    private final ClientSecrets secrets;
    private final ApiPermissions permissions;
    private final AdminChanges changes;

    ApplicationAdministration(ApplicationRepository applications, ClientSecrets secrets, ApiPermissions permissions,
                              AdminChanges changes) {
        this.changes = changes;
        this.applications = applications;
        this.secrets = secrets;
        this.permissions = permissions;
    }

    /** What an administrator submits; null fields of an update keep their value. */
    public record ApplicationInput(String displayName, String type, List<String> redirectUris, String logoutUrl) {
    }

    public List<Application> list(AdminCaller caller) {
        return applications.findAll();
    }

    public Application get(String clientId, AdminCaller caller) {
        return applications.findByClientId(clientId)
                .orElseThrow(() -> new NoSuchElementException("No application " + clientId + " in this tenant"));
    }

    @Transactional
    public Application register(ApplicationInput input, AdminCaller caller) {
        Map<String, String> errors = new LinkedHashMap<>();
        ApplicationType type = type(input.type(), errors);
        Application application = new Application(null, strip(input.displayName()),
                type == null ? ApplicationType.WEB : type,
                input.redirectUris() == null ? List.of() : input.redirectUris(),
                Optional.ofNullable(blankToNull(input.logoutUrl())));
        check(application, errors);
        Application registered = applications.register(application);
        changes.record(caller, "application", "create", registered.clientId().toString(), null, registered);
        return registered;
    }

    @Transactional
    public Application update(String clientId, ApplicationInput input, AdminCaller caller) {
        Application current = get(clientId, caller);
        Map<String, String> errors = new LinkedHashMap<>();
        if (input.type() != null && type(input.type(), errors) != current.type()) {
            errors.putIfAbsent("type", "The type of an application cannot change; register a new one.");
        }
        Application changed = new Application(current.clientId(),
                input.displayName() != null ? strip(input.displayName()) : current.displayName(), current.type(),
                input.redirectUris() != null ? input.redirectUris() : current.redirectUris(),
                input.logoutUrl() != null ? Optional.ofNullable(blankToNull(input.logoutUrl())) : current.logoutUrl());
        check(changed, errors);
        Application updated = applications.update(changed);
        changes.record(caller, "application", "update", current.clientId().toString(), current, updated);
        return updated;
    }

    @Transactional
    public void delete(String clientId, AdminCaller caller) {
        Application application = get(clientId, caller);
        if (isSystemTenant() && application.displayName().equals(SystemTenant.PORTAL_APP)) {
            throw new ConflictException("The admin portal's application cannot be deleted.");
        }
        applications.delete(application.clientId());
        changes.record(caller, "application", "delete", application.clientId().toString(), application, null);
    }

    /** Issues a client secret of a web application; the only time its value is returned. */
    @Transactional
    public IssuedSecret createSecret(String clientId, AdminCaller caller) {
        Application application = confidential(clientId, caller);
        IssuedSecret issued = secrets.issue(application.clientId());
        changes.record(caller, "clientSecret", "create", application.clientId().toString(), null,
                java.util.Map.of("secretId", issued.secretId().toString(), "hint", issued.hint()));
        return issued;
    }

    public List<ClientSecret> listSecrets(String clientId, AdminCaller caller) {
        return secrets.list(get(clientId, caller).clientId());
    }

    @Transactional
    public void revokeSecret(String clientId, String secretId, AdminCaller caller) {
        UUID id = secretsOf(clientId, caller).stream().map(ClientSecret::id)
                .filter(s -> s.toString().equalsIgnoreCase(secretId)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("No secret " + secretId + " of application " + clientId));
        secrets.revoke(id);
        changes.record(caller, "clientSecret", "revoke", clientId, java.util.Map.of("secretId", id.toString()), null);
    }

    /** The admin API scopes granted to an application of the system tenant. */
    public Set<String> permissions(String clientId, AdminCaller caller) {
        requireSystemTenant();
        return permissions.of(get(clientId, caller).clientId());
    }

    @Transactional
    public Set<String> grant(String clientId, String scope, AdminCaller caller) {
        requireSystemTenant();
        Application application = confidential(clientId, caller);
        if (!GRANTABLE.contains(scope)) {
            throw InvalidInputException.of("scope", "Grantable scopes: " + AdminAccess.SCOPE + ", "
                    + AdminAccess.READ_SCOPE + ".");
        }
        permissions.grant(application.clientId(), scope);
        changes.record(caller, "permission", "grant", application.clientId().toString(), null, scope);
        return permissions.of(application.clientId());
    }

    @Transactional
    public Set<String> revoke(String clientId, String scope, AdminCaller caller) {
        requireSystemTenant();
        Application application = get(clientId, caller);
        if (!permissions.of(application.clientId()).contains(scope)) {
            throw new NoSuchElementException("Application " + clientId + " has no permission " + scope);
        }
        permissions.revoke(application.clientId(), scope);
        changes.record(caller, "permission", "revoke", application.clientId().toString(), scope, null);
        return permissions.of(application.clientId());
    }

    private List<ClientSecret> secretsOf(String clientId, AdminCaller caller) {
        return secrets.list(get(clientId, caller).clientId());
    }

    private Application confidential(String clientId, AdminCaller caller) {
        Application application = get(clientId, caller);
        if (!application.type().isConfidential()) {
            throw InvalidInputException.of("type", "Only web applications have client secrets and permissions.");
        }
        return application;
    }

    private static void check(Application application, Map<String, String> errors) {
        String name = application.displayName();
        if (name == null || name.isBlank() || name.length() > RedirectUriRules.MAX_DISPLAY_NAME_LENGTH) {
            errors.put("displayName", "A display name is required, at most "
                    + RedirectUriRules.MAX_DISPLAY_NAME_LENGTH + " characters.");
        }
        try {
            RedirectUriRules.checkRedirectUris(application.type(), application.redirectUris());
        } catch (IllegalArgumentException e) {
            errors.put("redirectUris", e.getMessage());
        }
        try {
            application.logoutUrl().ifPresent(RedirectUriRules::checkLogoutUrl);
        } catch (IllegalArgumentException e) {
            errors.put("logoutUrl", e.getMessage());
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    private static ApplicationType type(String raw, Map<String, String> errors) {
        try {
            return ApplicationType.valueOf(raw == null ? "" : raw.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.put("type", "The type is WEB, SPA or NATIVE.");
            return null;
        }
    }

    private static void requireSystemTenant() {
        if (!isSystemTenant()) {
            throw InvalidInputException.of("tenant", "API permissions exist only in the " + SystemTenant.NAME
                    + " tenant.");
        }
    }

    private static boolean isSystemTenant() {
        return TenantContext.current().name().equals(SystemTenant.NAME);
    }

    private static String strip(String value) {
        return value == null ? null : value.strip();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}

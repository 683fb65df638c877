package dev.foyer.admin.manage;

import dev.foyer.admin.access.AdminCaller;
import dev.foyer.admin.access.SystemTenant;
import dev.foyer.journey.SecondFactorMethod;
import dev.foyer.tenant.TenantContext;
import dev.foyer.userflow.ConcurrentFlowChangeException;
import dev.foyer.userflow.MfaEnforcement;
import dev.foyer.userflow.MfaSettings;
import dev.foyer.userflow.UserFlow;
import dev.foyer.userflow.UserFlowDefinition;
import dev.foyer.userflow.UserFlowProperties;
import dev.foyer.userflow.UserFlowRepository;
import dev.foyer.userflow.UserFlowType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * User flows, administered: create by type, read, change the definition (identity providers:
 * {@code LocalAccount} and the tenant's own; Properties, sign-up attributes, application claims)
 * with optimistic concurrency, delete. The current tenant is the
 * one in {@link dev.foyer.tenant.TenantContext}.
 */
@Service
public class FlowAdministration {

    public static final List<String> BUILT_IN_ATTRIBUTES = List.of("displayName", "givenName", "surname");
    public static final List<String> BUILT_IN_CLAIMS = List.of("emails", "email", "name", "given_name",
            "family_name", "oid", "tid", "idp", "idp_access_token", "newUser");
    public static final List<String> DEFAULT_CLAIMS = List.of("emails", "name", "given_name", "family_name", "oid",
            "tid", "idp", "newUser");
    private static final Pattern EXTENSION = Pattern.compile("extension_[A-Za-z][A-Za-z0-9]{0,63}");
    private static final Set<String> COMPLEXITY = Set.of("simple", "strong");

    private final UserFlowRepository flows;
    private final List<SecondFactorMethod> methods;
    private final AdminChanges changes;
    private final AttributeAdministration attributes;
    private final IdentityProviderAdministration providers;

    FlowAdministration(UserFlowRepository flows, List<SecondFactorMethod> methods, AdminChanges changes,
                       AttributeAdministration attributes, IdentityProviderAdministration providers) {
        this.providers = providers;
        this.flows = flows;
        this.methods = methods;
        this.changes = changes;
        this.attributes = attributes;
    }

    public List<UserFlow> list() {
        return flows.findAll();
    }

    public UserFlow get(String name) {
        return flows.findByName(name).orElseThrow(() -> new NoSuchElementException("No user flow named " + name));
    }

    /** A new flow of {@code type} with B2C's defaults: local accounts, the built-in attributes, MFA off. */
    @Transactional
    public UserFlow create(String name, UserFlowType type, AdminCaller caller) {
        if (name == null || !UserFlow.withPrefix(name.strip()).matches("B2C_1_[A-Za-z0-9_-]{1,50}")) {
            throw InvalidInputException.of("name", "A user flow name has 1 to 50 letters, digits, '_' or '-' after"
                    + " B2C_1_.");
        }
        if (type == null) {
            throw InvalidInputException.of("type", "Choose the type of user flow.");
        }
        if (flows.findByName(name.strip()).isPresent()) {
            throw new ConflictException("A user flow named " + UserFlow.withPrefix(name.strip()) + " already exists.");
        }
        UserFlow created = flows.create(name.strip(), type, new UserFlowDefinition(
                List.of(UserFlowDefinition.LOCAL_ACCOUNT), type == UserFlowType.SIGN_IN ? List.of() : BUILT_IN_ATTRIBUTES,
                DEFAULT_CLAIMS, UserFlowProperties.DEFAULTS));
        changes.record(caller, "userFlow", "create", created.name(), null, created);
        return created;
    }

    /**
     * Replaces the flow's definition if nobody changed it since {@code expectedVersion}.
     *
     * @throws InvalidInputException         naming each bad field; nothing changed
     * @throws ConcurrentFlowChangeException when the flow moved on meanwhile
     */
    @Transactional
    public UserFlow update(String name, int expectedVersion, UserFlowDefinition requested, AdminCaller caller) {
        UserFlow current = get(name);
        UserFlowDefinition definition = validate(requested);
        if (isAdminFlow(current) && !definition.properties().mfa().isOn()) {
            throw InvalidInputException.of("properties.mfa.enforcement", "Administrators always sign in with MFA;"
                    + " the admin flow keeps it on.");
        }
        if (isAdminFlow(current) && !definition.identityProviders().equals(List.of(UserFlowDefinition.LOCAL_ACCOUNT))) {
            // A social sign-in could create an account in the system tenant: that is, an administrator.
            throw InvalidInputException.of("identityProviders", "Administrators sign in with their local accounts"
                    + " only; the admin flow lists LocalAccount alone.");
        }
        UserFlow updated = flows.update(new UserFlow(current.id(), current.name(), current.type(), definition,
                current.version()), expectedVersion);
        changes.record(caller, "userFlow", "update", current.name(), current, updated);
        return updated;
    }

    /** The seed's simple switch: Enabled = "SMS or phone call" + "Always on"; Disabled = off. */
    @Transactional
    public UserFlow setMfaEnabled(String name, int expectedVersion, boolean enabled, AdminCaller caller) {
        UserFlow current = get(name);
        return update(name, expectedVersion, current.definition().withProperties(
                current.properties().withMfa(enabled ? MfaSettings.ENABLED : MfaSettings.OFF)), caller);
    }

    @Transactional
    public void delete(String name, AdminCaller caller) {
        UserFlow flow = get(name);
        if (isAdminFlow(flow)) {
            throw new ConflictException("The admin flow of the system tenant cannot be deleted.");
        }
        flows.delete(flow);
        changes.record(caller, "userFlow", "delete", flow.name(), flow, null);
    }

    private static boolean isAdminFlow(UserFlow flow) {
        return TenantContext.current().name().equals(SystemTenant.NAME) && flow.name().equalsIgnoreCase(SystemTenant.FLOW);
    }

    private boolean isKnownExtension(String name) {
        return EXTENSION.matcher(name).matches()
                && attributes.find(name).filter(a -> a.extensionName().equals(name)).isPresent();
    }

    /** The definition with its identity providers' canonical names, or the errors of each bad field. */
    private UserFlowDefinition validate(UserFlowDefinition definition) {
        Map<String, String> errors = new LinkedHashMap<>();
        List<String> identityProviders = definition.identityProviders();
        try {
            identityProviders = providers.canonicalNames(definition.identityProviders());
        } catch (InvalidInputException e) {
            errors.putAll(e.fieldErrors());
        }
        definition.signUpAttributes().stream()
                .filter(a -> !BUILT_IN_ATTRIBUTES.contains(a) && !isKnownExtension(a)).findFirst()
                .ifPresent(a -> errors.put("signUpAttributes", "Unknown user attribute: " + a));
        definition.applicationClaims().stream()
                .filter(c -> !BUILT_IN_CLAIMS.contains(c) && !isKnownExtension(c)).findFirst()
                .ifPresent(c -> errors.put("applicationClaims", "Unknown claim: " + c));
        UserFlowProperties properties = definition.properties();
        MfaSettings mfa = properties.mfa();
        if (mfa.enforcement() == MfaEnforcement.CONDITIONAL) {
            errors.put("properties.mfa.enforcement", "Conditional MFA is not available yet; use Off or Always on.");
        }
        if (methods.stream().noneMatch(m -> m.handles(mfa.method()))) {
            errors.put("properties.mfa.method", "Unknown MFA method: " + mfa.method()
                    + " (phone, phoneSms or phoneCall).");
        }
        if (!COMPLEXITY.contains(properties.passwordComplexity())) {
            errors.put("properties.passwordComplexity", "Password complexity is simple or strong.");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new UserFlowDefinition(identityProviders, definition.signUpAttributes(),
                definition.applicationClaims(), properties);
    }
}

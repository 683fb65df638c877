package dev.foyer.admin.manage;

import dev.foyer.admin.access.AdminCaller;
import dev.foyer.keys.SigningKeys;
import dev.foyer.tenant.Tenant;
import dev.foyer.tenant.TenantContext;
import dev.foyer.tenant.TenantRepository;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Tenants, administered: list, find, create (with a signing key), rename. */
@Service
public class TenantAdministration {

    /** First path segments Foyer itself uses, so no tenant may take them. */
    public static final Set<String> RESERVED = Set.of("system", "admin", "dev", "static", "demo", "tokenviewer",
            "api", "oauth2");
    public static final int MAX_DISPLAY_NAME = 256;
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{1,38}[a-z0-9]");
    private static final Pattern GUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final TenantRepository tenants;
    private final SigningKeys keys;
    private final AdminChanges changes;

    TenantAdministration(TenantRepository tenants, SigningKeys keys,
            AdminChanges changes) {
        this.changes = changes;
        this.tenants = tenants;
        this.keys = keys;
    }

    public List<Tenant> list(AdminCaller caller) {
        return tenants.findAll();
    }

    /** By name (any casing) or GUID. */
    public Tenant get(String nameOrId, AdminCaller caller) {
        return tenants.findByNameOrId(nameOrId)
                .orElseThrow(() -> new NoSuchElementException("No tenant " + nameOrId));
    }

    /** A new tenant with its first signing key; users, applications and flows are added afterwards. */
    @Transactional
    public Tenant create(String name, String displayName, AdminCaller caller) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (name == null || !NAME.matcher(name).matches() || GUID.matcher(name).matches()) {
            errors.put("name", "A tenant name has 3 to 40 lower-case letters, digits or '-', and starts and ends"
                    + " with a letter or digit.");
        } else if (RESERVED.contains(name)) {
            errors.put("name", "The name " + name + " is reserved.");
        }
        checkDisplayName(displayName, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        if (tenants.findByNameOrId(name).isPresent()) {
            throw new ConflictException("A tenant named " + name + " already exists.");
        }
        Tenant tenant = new Tenant(UUID.randomUUID(), name, displayName.strip());
        tenants.add(tenant);
        TenantContext.run(tenant, () -> {
            keys.activeKey();
            changes.record(caller, "tenant", "create", tenant.name(), null, tenant);
        });
        return tenant;
    }

    @Transactional
    public Tenant updateDisplayName(String nameOrId, String displayName, AdminCaller caller) {
        Tenant tenant = get(nameOrId, caller);
        Map<String, String> errors = new LinkedHashMap<>();
        checkDisplayName(displayName, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        tenants.updateDisplayName(tenant.id(), displayName.strip());
        Tenant updated = get(tenant.id().toString(), caller);
        TenantContext.run(updated, () -> changes.record(caller, "tenant", "update", updated.name(), tenant, updated));
        return updated;
    }

    private static void checkDisplayName(String displayName, Map<String, String> errors) {
        if (displayName == null || displayName.isBlank() || displayName.strip().length() > MAX_DISPLAY_NAME) {
            errors.put("displayName", "A display name is required, at most " + MAX_DISPLAY_NAME + " characters.");
        }
    }
}

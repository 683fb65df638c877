package dev.foyer.tenant;

import java.util.UUID;

/** Creates tenants with unique names so tests sharing a database do not see each other's rows. */
public final class TestTenants {

    private TestTenants() {
    }

    public static Tenant create(TenantRepository tenants) {
        UUID id = UUID.randomUUID();
        Tenant tenant = new Tenant(id, "t" + id.toString().replace("-", "").substring(0, 20), "Test tenant");
        tenants.add(tenant);
        return tenant;
    }
}

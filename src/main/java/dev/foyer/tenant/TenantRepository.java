package dev.foyer.tenant;

import java.util.List;
import java.util.Optional;

/** Port: the tenants this server hosts. */
public interface TenantRepository {

    /** Finds a tenant by name (any casing) or by its GUID. */
    Optional<Tenant> findByNameOrId(String nameOrId);

    List<Tenant> findAll();

    void add(Tenant tenant);

    /** Changes what people see; the name and id never change. */
    void updateDisplayName(java.util.UUID id, String displayName);
}

package dev.foyer.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@DatabaseTest
class JdbcTenantRepositoryTests {

    @Autowired
    TenantRepository tenants;

    @Test
    void findByNameOrIdWhenNameInAnyCasingThenFound() {
        UUID id = UUID.randomUUID();
        String name = "contoso" + id.toString().substring(0, 8);
        tenants.add(new Tenant(id, name.toUpperCase(), "Contoso"));

        assertThat(tenants.findByNameOrId(name)).map(Tenant::id).contains(id);
        assertThat(tenants.findByNameOrId(name.toUpperCase())).map(Tenant::name).contains(name);
    }

    @Test
    void findByNameOrIdWhenGuidThenFound() {
        Tenant tenant = TestTenants.create(tenants);

        assertThat(tenants.findByNameOrId(tenant.id().toString())).contains(tenant);
        assertThat(tenants.findByNameOrId(tenant.id().toString().toUpperCase())).contains(tenant);
    }

    @Test
    void findByNameOrIdWhenUnknownOrMalformedThenEmpty() {
        TestTenants.create(tenants);

        assertThat(tenants.findByNameOrId(UUID.randomUUID().toString())).isEmpty();
        assertThat(tenants.findByNameOrId("1-1-1-1-1")).isEmpty();
        assertThat(tenants.findByNameOrId("not-a-guid-{}")).isEmpty();
        assertThat(tenants.findByNameOrId("")).isEmpty();
        assertThat(tenants.findByNameOrId(null)).isEmpty();
    }

    @Test
    void findAllWhenTenantAddedThenListed() {
        Tenant tenant = TestTenants.create(tenants);

        assertThat(tenants.findAll()).contains(tenant);
    }
}

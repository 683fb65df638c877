package dev.foyer.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

/** On the embedded H2 database of {@link dev.foyer.tenant.DatabaseTest}. */
class JdbcUserRepositoryOnH2Tests extends JdbcUserRepositoryTests {

    /**
     * A user's identities, read on every sign-in and token grant, are found through the index on
     * (tenant_id, object_id): H2 used to pick the primary key's tenant_id prefix and read every
     * identity of the tenant for each lookup.
     */
    @Test
    void identitiesOfAUserAreLookedUpByIndexNotByScanningTheTenant() {
        String plan = jdbc.sql("""
                explain select sign_in_type, issuer, issuer_assigned_id
                  from user_identity
                 where tenant_id = :tenant and object_id = :id
                 order by sign_in_type, issuer, issuer_assigned_id""")
                .param("tenant", tenant.id())
                .param("id", UUID.randomUUID())
                .query(String.class)
                .single();

        assertThat(plan.toUpperCase()).contains("USER_IDENTITY_TENANT_USER_IX");
    }
}

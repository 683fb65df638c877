package dev.foyer.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import dev.foyer.FoyerApplication;
import dev.foyer.tenant.Tenant;
import dev.foyer.tenant.TenantContext;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

class SigningKeysRestartTests {

    private final String dataDir = "./target/test-data/" + UUID.randomUUID();

    @Test
    void activeKeyWhenServerRestartsOnSameDataDirThenSameKey() {
        Tenant tenant;
        String kid;
        try (ConfigurableApplicationContext first = start()) {
            tenant = TestTenants.create(first.getBean(JdbcClient.class));
            kid = TenantContext.call(tenant, () -> first.getBean(SigningKeys.class).activeKey().getKeyID());
        }

        try (ConfigurableApplicationContext second = start()) {
            SigningKeys keys = second.getBean(SigningKeys.class);
            assertThat(TenantContext.call(tenant, () -> keys.activeKey().getKeyID())).isEqualTo(kid);
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(FoyerApplication.class)
                .web(WebApplicationType.NONE)
                .run("--foyer.data-dir=" + dataDir);
    }
}

package dev.foyer.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foyer.application.Application;
import dev.foyer.application.ApplicationType;
import dev.foyer.tenant.Tenant;
import dev.foyer.tenant.TenantContext;
import dev.foyer.testing.EndToEndTest;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * The sample apps under {@code examples/} start with one command because the demo seed registers
 * them at their fixed local addresses and writes their client ids and secrets to
 * {@code demo-clients.properties} in the data directory.
 */
class DemoClientsFileTests extends EndToEndTest {

    @Autowired
    DemoTenant seed;
    @Value("${foyer.data-dir}")
    String dataDir;

    @Test
    void seedWhenServerStartsThenRegistersEachExampleAtItsFixedAddress() {
        TenantContext.run(contoso(), () -> {
            Application bank = app("Contoso Bank");
            assertThat(bank.type()).isEqualTo(ApplicationType.WEB);
            assertThat(bank.redirectUris()).containsExactly("http://localhost:8091/login/oauth2/code/susi",
                    "http://localhost:8091/login/oauth2/code/susi-mfa");
            assertThat(bank.logoutUrl()).contains("http://localhost:8091/");

            assertThat(app("Contoso Auto Insurance").redirectUris()).contains(origin() + "/demo/callback",
                    "http://localhost:8092/login/oauth2/code/auto");
            assertThat(app("Contoso Home Insurance").redirectUris()).contains(origin() + "/demo/callback",
                    "http://localhost:8092/login/oauth2/code/home");

            Application spa = app("Contoso Rewards (single-page app)");
            assertThat(spa.type()).isEqualTo(ApplicationType.SPA);
            assertThat(spa.redirectUris()).containsExactly("http://localhost:5173/");
        });
    }

    @Test
    void clientsFileWhenSeededThenHoldsWorkingSecretsForWebAppsAndOnlyAnIdForTheSpa() throws Exception {
        Properties file = clientsFile();
        TenantContext.run(contoso(), () -> {
            for (String[] example : new String[][] {{"bank", "Contoso Bank"}, {"auto-insurance", "Contoso Auto Insurance"},
                    {"home-insurance", "Contoso Home Insurance"}}) {
                Application app = app(example[1]);
                assertThat(file.getProperty("contoso." + example[0] + ".client-id")).isEqualTo(app.clientId().toString());
                assertThat(clientSecrets.verify(app.clientId(), file.getProperty("contoso." + example[0]
                        + ".client-secret"))).as(example[0] + "'s secret").isTrue();
            }
            assertThat(file.getProperty("contoso.rewards.client-id"))
                    .isEqualTo(app("Contoso Rewards (single-page app)").clientId().toString());
        });
        assertThat(file).doesNotContainKey("contoso.rewards.client-secret");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(path()))).isEqualTo("rw-------");
    }

    @Test
    void seedWhenRunAgainThenKeepsTheSecretsThatStillWork() throws Exception {
        seed.run(null);
        Properties before = clientsFile();
        int secretsBefore = TenantContext.call(contoso(), () -> clientSecrets.list(app("Contoso Bank").clientId()).size());

        seed.run(null);

        assertThat(clientsFile()).isEqualTo(before);
        assertThat(TenantContext.call(contoso(), () -> clientSecrets.list(app("Contoso Bank").clientId()).size()))
                .isEqualTo(secretsBefore);
    }

    @Test
    void seedWhenTheFileNamesARevokedSecretThenIssuesANewOne() throws Exception {
        seed.run(null);
        String old = clientsFile().getProperty("contoso.bank.client-secret");
        TenantContext.run(contoso(), () -> clientSecrets.list(app("Contoso Bank").clientId())
                .forEach(s -> clientSecrets.revoke(s.id())));

        seed.run(null);

        String fresh = clientsFile().getProperty("contoso.bank.client-secret");
        assertThat(fresh).isNotEqualTo(old);
        assertThat(TenantContext.call(contoso(), () -> clientSecrets.verify(app("Contoso Bank").clientId(), fresh)))
                .isTrue();
    }

    private Path path() {
        return Path.of(dataDir).resolve("demo-clients.properties");
    }

    private Properties clientsFile() throws Exception {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(path())) {
            properties.load(reader);
        }
        return properties;
    }

    private Tenant contoso() {
        return tenants.findByNameOrId("contoso").orElseThrow();
    }

    private Application app(String name) {
        return applications.findAll().stream().filter(a -> a.displayName().equals(name)).findFirst().orElseThrow();
    }
}

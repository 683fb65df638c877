package dev.foyer.federation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The application finds one connector, and only one, for every kind of identity provider. */
@SpringBootTest
class ConnectorWiringTests {

    static final String DATA_DIR = "./target/test-data/" + UUID.randomUUID();

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("foyer.data-dir", () -> DATA_DIR);
    }

    @Autowired
    List<Connector> connectors;

    @Test
    void connectorsWhenApplicationStartsThenEachProviderKindHandledByExactlyOne() {
        for (ProviderKind kind : ProviderKind.values()) {
            IdentityProvider provider = new IdentityProvider(UUID.randomUUID(), "P", kind, "P", "client", null,
                    new ProviderSettings(null, null, null, null, null, null, null, null, null), true, Instant.now());

            assertThat(connectors.stream().filter(c -> c.handles(provider)).count()).as(kind.name()).isEqualTo(1);
        }
    }
}

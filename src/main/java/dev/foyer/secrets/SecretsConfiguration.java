package dev.foyer.secrets;

import java.nio.file.Path;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Builds the one {@link SecretBox} from {@code foyer.secrets.*}, or from a generated key file. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecretsProperties.class)
class SecretsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecretsConfiguration.class);

    @Bean
    SecretBox secretBox(SecretsProperties properties, @Value("${foyer.data-dir}") Path dataDir) {
        List<SealingKey> previous = SealingKey.previous(properties.previousKeysGiven());
        if (properties.isKeyConfigured()) {
            SecretBox box = new SecretBox(SealingKey.fromBase64(properties.key(), "foyer.secrets.key"), previous);
            log.info("Secrets at rest are sealed with the configured key (id {}); {} previous key(s) for reading",
                    box.currentKeyId(), previous.size());
            return box;
        }
        Path file = dataDir.resolve(GeneratedKeyFile.NAME).toAbsolutePath().normalize();
        SecretBox box = new SecretBox(GeneratedKeyFile.readOrCreate(file), previous);
        log.warn("No FOYER_SECRETS_KEY (foyer.secrets.key) configured: secrets at rest are sealed with a key "
                + "generated in {} (id {}). That suits one machine only: every production node on one database "
                + "must be given the same FOYER_SECRETS_KEY (openssl rand -base64 32).", file, box.currentKeyId());
        return box;
    }
}

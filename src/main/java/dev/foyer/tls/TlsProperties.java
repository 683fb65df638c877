package dev.foyer.tls;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param enabled  whether Foyer serves HTTPS itself (off behind a TLS-terminating proxy)
 * @param port     HTTPS port; 0 picks a free one
 * @param keystore a PKCS12 keystore to use instead of the development certificate
 */
@ConfigurationProperties("foyer.tls")
public record TlsProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("8443") int port,
        @DefaultValue Keystore keystore) {

    /** @param alias the key entry to serve; the first key entry when not set */
    public record Keystore(String path, String password, String alias) {

        boolean isConfigured() {
            return path != null && !path.isBlank();
        }
    }
}

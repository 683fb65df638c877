package dev.foyer.tls;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Collections;
import java.util.Optional;

/**
 * The key and certificate chain the HTTPS connector serves.
 *
 * @param caFile the development CA to trust, when the certificate is a development one
 * @param source where the certificate came from, for the start-up message
 */
record TlsCertificate(KeyStore keyStore, String password, String alias, Optional<Path> caFile, Path source) {

    static TlsCertificate fromKeystore(TlsProperties.Keystore configured) {
        Path path = Path.of(configured.path()).toAbsolutePath();
        String password = configured.password() == null ? "" : configured.password();
        try (InputStream in = Files.newInputStream(path)) {
            KeyStore keyStore = KeyStore.getInstance("PKCS12");
            keyStore.load(in, password.toCharArray());
            String alias = configured.alias() != null && !configured.alias().isBlank()
                    ? configured.alias()
                    : firstKeyAlias(keyStore, path);
            if (!keyStore.isKeyEntry(alias)) {
                throw new IllegalStateException("Keystore " + path + " has no key entry named " + alias);
            }
            return new TlsCertificate(keyStore, password, alias, Optional.empty(), path);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot read the TLS keystore " + path + ": " + e.getMessage(), e);
        }
    }

    private static String firstKeyAlias(KeyStore keyStore, Path path) throws GeneralSecurityException {
        for (String alias : Collections.list(keyStore.aliases())) {
            if (keyStore.isKeyEntry(alias)) {
                return alias;
            }
        }
        throw new IllegalStateException("Keystore " + path + " holds no private key");
    }
}

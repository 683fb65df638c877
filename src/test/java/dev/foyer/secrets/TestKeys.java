package dev.foyer.secrets;

import java.security.SecureRandom;
import java.util.Base64;

/** Fresh random keys in the form {@code foyer.secrets.key} takes. */
final class TestKeys {

    private static final SecureRandom RANDOM = new SecureRandom();

    private TestKeys() {
    }

    static String base64(int bytes) {
        byte[] key = new byte[bytes];
        RANDOM.nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    static String fresh() {
        return base64(32);
    }
}

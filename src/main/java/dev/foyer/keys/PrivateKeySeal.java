package dev.foyer.keys;

import java.text.ParseException;
import java.util.UUID;

import com.nimbusds.jose.jwk.RSAKey;
import dev.foyer.secrets.SecretBox;

/**
 * Seals a signing key's private JWK for its row and opens it again. The associated data names the
 * tenant and the kid, so a sealed key copied into another tenant's row or under another kid does
 * not open.
 */
final class PrivateKeySeal {

    private final SecretBox box;

    PrivateKeySeal(SecretBox box) {
        this.box = box;
    }

    String seal(UUID tenant, RSAKey key) {
        return box.seal(key.toJSONString(), boundTo(tenant, key.getKeyID()));
    }

    RSAKey open(UUID tenant, String kid, String sealed) {
        RSAKey key = parse(box.open(sealed, boundTo(tenant, kid)));
        if (!key.isPrivate() || !kid.equals(key.getKeyID())) {
            throw new IllegalStateException("Sealed signing key " + kid + " of tenant " + tenant
                    + " does not hold the private key of that kid");
        }
        return key;
    }

    /** Seals again under the current key what a previous key sealed. */
    String reseal(UUID tenant, String kid, String sealed) {
        String boundTo = boundTo(tenant, kid);
        return box.seal(box.open(sealed, boundTo), boundTo);
    }

    boolean isSealedWithCurrentKey(String sealed) {
        return box.isSealedWithCurrentKey(sealed);
    }

    String currentKeyPrefix() {
        return box.currentKeyPrefix();
    }

    String currentKeyId() {
        return box.currentKeyId();
    }

    static RSAKey parse(String json) {
        try {
            return RSAKey.parse(json);
        } catch (ParseException e) {
            throw new IllegalStateException("Stored signing key is not a valid RSA JWK", e);
        }
    }

    private static String boundTo(UUID tenant, String kid) {
        return "signing-key:" + tenant + ":" + kid;
    }
}

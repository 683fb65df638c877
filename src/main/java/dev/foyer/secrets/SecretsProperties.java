package dev.foyer.secrets;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code foyer.secrets.*}.
 *
 * @param key          base64 of 32 random bytes: seals every secret stored from now on; when
 *                     empty, a key generated under {@code foyer.data-dir} is used (one machine only)
 * @param previousKeys keys that sealed secrets before a rotation: read, and re-sealed at start
 */
@ConfigurationProperties("foyer.secrets")
public record SecretsProperties(String key, @DefaultValue List<String> previousKeys) {

    boolean isKeyConfigured() {
        return key != null && !key.isBlank();
    }

    List<String> previousKeysGiven() {
        return previousKeys.stream().filter(previous -> previous != null && !previous.isBlank()).toList();
    }

    /** Never the keys: a property bound by mistake into a log must not leak them. */
    @Override
    public String toString() {
        return "SecretsProperties[key=" + (isKeyConfigured() ? "(set)" : "(none)")
                + ", previousKeys=" + previousKeysGiven().size() + "]";
    }
}

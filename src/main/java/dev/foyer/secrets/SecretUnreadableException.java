package dev.foyer.secrets;

import java.util.Optional;

/**
 * A sealed value that cannot be opened: not an envelope, sealed with a key this node does not
 * have, or altered (including moved to another row, which changes its associated data).
 */
public final class SecretUnreadableException extends SecretsException {

    private final String keyId;

    SecretUnreadableException(String message, String keyId, String action) {
        super(message, action);
        this.keyId = keyId;
    }

    /** The id of the key the value was sealed with, when the envelope could be read that far. */
    public Optional<String> keyId() {
        return Optional.ofNullable(keyId);
    }
}

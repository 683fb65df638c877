package dev.foyer.secrets;

/** {@code foyer.secrets.key} or one of {@code foyer.secrets.previous-keys} is not a usable key. */
public final class SecretsKeyException extends SecretsException {

    SecretsKeyException(String message, String action) {
        super(message, action);
    }
}

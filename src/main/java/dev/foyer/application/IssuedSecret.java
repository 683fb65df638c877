package dev.foyer.application;

import java.util.UUID;

/** A freshly issued client secret: the only time its plaintext exists outside the client. */
public record IssuedSecret(UUID secretId, String secret, String hint) {

    /** Keeps the secret out of logs. */
    @Override
    public String toString() {
        return "IssuedSecret[secretId=" + secretId + ", hint=" + hint + "]";
    }
}

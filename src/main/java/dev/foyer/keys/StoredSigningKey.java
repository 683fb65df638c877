package dev.foyer.keys;

import java.time.Instant;

import com.nimbusds.jose.jwk.RSAKey;

/** A signing key as stored: the private JWK and where it is in its life. */
record StoredSigningKey(RSAKey jwk, Status status, Instant createdAt, Instant retireUntil) {

    enum Status { ACTIVE, RETIRED }

    String kid() {
        return jwk.getKeyID();
    }

    boolean isActive() {
        return status == Status.ACTIVE;
    }

    boolean isPublishedAt(Instant now) {
        return isActive() || (retireUntil != null && now.isBefore(retireUntil));
    }
}

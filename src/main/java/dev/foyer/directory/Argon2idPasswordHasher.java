package dev.foyer.directory;

import java.util.Objects;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Argon2id with OWASP's minimum parameters by default (19 MiB, 2 iterations, 1 lane). Raising
 * them in configuration makes {@link #needsRehash} true for older hashes, so they are upgraded on
 * the user's next sign-in.
 */
@Component
public class Argon2idPasswordHasher implements PasswordHasher {

    private final Argon2PasswordEncoder encoder;

    public Argon2idPasswordHasher(
            @Value("${foyer.passwords.argon2.memory-kib:19456}") int memoryKib,
            @Value("${foyer.passwords.argon2.iterations:2}") int iterations,
            @Value("${foyer.passwords.argon2.parallelism:1}") int parallelism,
            @Value("${foyer.passwords.argon2.salt-length:16}") int saltLength,
            @Value("${foyer.passwords.argon2.hash-length:32}") int hashLength) {
        if (iterations < 1 || parallelism < 1 || memoryKib < 8 * parallelism || saltLength < 8 || hashLength < 16) {
            throw new IllegalArgumentException("Argon2 parameters out of range: memory-kib=" + memoryKib
                    + ", iterations=" + iterations + ", parallelism=" + parallelism
                    + ", salt-length=" + saltLength + ", hash-length=" + hashLength);
        }
        this.encoder = new Argon2PasswordEncoder(saltLength, hashLength, parallelism, memoryKib, iterations);
    }

    @Override
    public String hash(CharSequence password) {
        return encoder.encode(Objects.requireNonNull(password, "password"));
    }

    @Override
    public boolean matches(CharSequence password, String hash) {
        return encoder.matches(password, hash);
    }

    @Override
    public boolean needsRehash(String hash) {
        try {
            return encoder.upgradeEncoding(hash);
        } catch (IllegalArgumentException malformed) {
            // A hash we cannot read never matched either, so there is nothing to upgrade.
            return false;
        }
    }
}

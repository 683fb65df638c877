package dev.foyer.security;

import java.security.SecureRandom;
import java.time.Instant;

/**
 * A short numeric code sent to a person (email, SMS, voice), kept only as a salted hash with its
 * expiry and the wrong tries it has left.
 *
 * @param hash        salted SHA-256 of the code
 * @param salt        random, per code
 * @param expiresAt   after this, the code is refused as expired
 * @param triesLeft   wrong tries left before the code is dead
 */
public record OneTimeCode(String hash, String salt, Instant expiresAt, int triesLeft) {

    public static final int DIGITS = 6;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A new code: the plaintext to send, and the record to keep. */
    public record Issued(String plaintext, OneTimeCode code) {
    }

    public enum Check { CORRECT, WRONG, EXPIRED, DEAD }

    public static Issued issue(Instant expiresAt, int tries) {
        String plaintext = String.format("%06d", RANDOM.nextInt(1_000_000));
        String salt = OpaqueTokens.generate();
        return new Issued(plaintext, new OneTimeCode(OpaqueTokens.hash(salt + plaintext), salt, expiresAt, tries));
    }

    /** Checks {@code presented}; a wrong answer costs a try (see {@link #afterWrongTry()}). */
    public Check check(String presented, Instant now) {
        if (triesLeft <= 0) {
            return Check.DEAD;
        }
        if (!now.isBefore(expiresAt)) {
            return Check.EXPIRED;
        }
        String candidate = presented == null ? "" : presented.strip();
        return OpaqueTokens.equal(hash, OpaqueTokens.hash(salt + candidate)) ? Check.CORRECT : Check.WRONG;
    }

    public OneTimeCode afterWrongTry() {
        return new OneTimeCode(hash, salt, expiresAt, Math.max(0, triesLeft - 1));
    }

    /** Compact form for journey state: {@code hash|salt|expiresEpochMillis|triesLeft}. */
    public String serialize() {
        return hash + "|" + salt + "|" + expiresAt.toEpochMilli() + "|" + triesLeft;
    }

    public static OneTimeCode parse(String serialized) {
        String[] parts = serialized.split("\\|");
        return new OneTimeCode(parts[0], parts[1], Instant.ofEpochMilli(Long.parseLong(parts[2])),
                Integer.parseInt(parts[3]));
    }
}

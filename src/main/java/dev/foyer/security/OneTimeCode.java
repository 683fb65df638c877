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
        String candidate = normalize(presented);
        return OpaqueTokens.equal(hash, OpaqueTokens.hash(salt + candidate)) ? Check.CORRECT : Check.WRONG;
    }

    /**
     * What a person typed, as the ASCII code it means: surrounding white space dropped and every
     * Unicode decimal digit (full-width {@code １２３}, Arabic-Indic {@code ١٢٣}...) read as its
     * ASCII digit, so a code typed with an input method that produces such digits is accepted.
     * Anything else is kept as typed, and cannot match a code made only of ASCII digits.
     */
    static String normalize(String presented) {
        if (presented == null) {
            return "";
        }
        String stripped = presented.strip();
        StringBuilder ascii = new StringBuilder(stripped.length());
        stripped.codePoints().forEach(c -> {
            if (c > 0x7f && Character.getType(c) == Character.DECIMAL_DIGIT_NUMBER) {
                ascii.append((char) ('0' + Character.digit(c, 10)));
            } else {
                ascii.appendCodePoint(c);
            }
        });
        return ascii.toString();
    }

    /** The outcome of presenting a code: the check, the code as it stands after it, and what to tell the person. */
    public record Attempt(Check check, OneTimeCode after) {

        public boolean correct() {
            return check == Check.CORRECT;
        }

        /** The message for a refused code; null when it was correct. */
        public String message() {
            return switch (check) {
                case CORRECT -> null;
                case WRONG -> after.triesLeft() == 0
                        ? "That code is incorrect, and you have no tries left. Send a new code."
                        : "That code is incorrect. Please try again.";
                case EXPIRED -> "That code has expired. Send a new code.";
                case DEAD -> "Too many incorrect tries for that code. Send a new code.";
            };
        }
    }

    /** Presents {@code presented}: a wrong code costs a try. */
    public Attempt attempt(String presented, Instant now) {
        Check check = check(presented, now);
        return new Attempt(check, check == Check.WRONG ? afterWrongTry() : this);
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

package dev.foyer.directory;

import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * An Argon2 hash in the PHC string format that Spring Security's {@code Argon2PasswordEncoder},
 * libargon2 and most other implementations write:
 * {@code $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>}, salt and hash in Base64 without padding.
 *
 * @param type {@link Argon2Parameters#ARGON2_id}, {@code ARGON2_i} or {@code ARGON2_d}
 * @param version 19 (0x13) or 16 (0x10)
 */
record Argon2Hash(int type, int version, int memoryKib, int iterations, int parallelism, byte[] salt, byte[] hash) {

    private static final Pattern FORMAT = Pattern.compile(
            "\\$(argon2id|argon2i|argon2d)(?:\\$v=(\\d{1,3}))?\\$m=(\\d{1,9}),t=(\\d{1,9}),p=(\\d{1,4})"
                    + "\\$([A-Za-z0-9+/]{11,256})\\$([A-Za-z0-9+/]{16,512})");

    /**
     * Reads {@code encoded}.
     *
     * @throws IllegalArgumentException when it is not an Argon2 hash, or its parameters are out of range
     */
    static Argon2Hash parse(String encoded) {
        Matcher m = FORMAT.matcher(encoded == null ? "" : encoded);
        if (!m.matches()) {
            throw new IllegalArgumentException("Not an Argon2 hash in the PHC string format");
        }
        int type = switch (m.group(1)) {
            case "argon2id" -> Argon2Parameters.ARGON2_id;
            case "argon2i" -> Argon2Parameters.ARGON2_i;
            default -> Argon2Parameters.ARGON2_d;
        };
        // Hashes from before version 1.3 of the algorithm carry no version field.
        int version = m.group(2) == null ? Argon2Parameters.ARGON2_VERSION_10 : Integer.parseInt(m.group(2));
        if (version != Argon2Parameters.ARGON2_VERSION_10 && version != Argon2Parameters.ARGON2_VERSION_13) {
            throw new IllegalArgumentException("Unknown Argon2 version " + version);
        }
        int memoryKib = Integer.parseInt(m.group(3));
        int iterations = Integer.parseInt(m.group(4));
        int parallelism = Integer.parseInt(m.group(5));
        if (iterations < 1 || parallelism < 1 || memoryKib < 8 * parallelism) {
            throw new IllegalArgumentException("Argon2 parameters out of range");
        }
        Base64.Decoder base64 = Base64.getDecoder();
        return new Argon2Hash(type, version, memoryKib, iterations, parallelism,
                base64.decode(m.group(6)), base64.decode(m.group(7)));
    }

    String encode() {
        Base64.Encoder base64 = Base64.getEncoder().withoutPadding();
        return "$" + typeName() + "$v=" + version + "$m=" + memoryKib + ",t=" + iterations + ",p=" + parallelism
                + "$" + base64.encodeToString(salt) + "$" + base64.encodeToString(hash);
    }

    private String typeName() {
        return switch (type) {
            case Argon2Parameters.ARGON2_id -> "argon2id";
            case Argon2Parameters.ARGON2_i -> "argon2i";
            default -> "argon2d";
        };
    }

    @Override
    public String toString() {
        return "$" + typeName() + "$v=" + version + "$m=" + memoryKib + ",t=" + iterations + ",p=" + parallelism
                + "$…";
    }
}

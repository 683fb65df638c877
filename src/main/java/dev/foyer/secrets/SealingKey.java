package dev.foyer.secrets;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * One AES-256 key and its id: the first 8 bytes of the key's SHA-256, in hex. The id is in every
 * envelope, so a value says which key it needs without revealing anything about the key.
 */
final class SealingKey {

    static final int LENGTH = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String id;
    private final SecretKey key;

    private SealingKey(byte[] bytes) {
        this.id = idOf(bytes);
        this.key = new SecretKeySpec(bytes, "AES");
    }

    static SealingKey generate() {
        byte[] bytes = new byte[LENGTH];
        RANDOM.nextBytes(bytes);
        return new SealingKey(bytes);
    }

    /**
     * Reads a key given as base64 (as {@code openssl rand -base64 32} prints it).
     *
     * @param source where the text came from, for the error message; the text itself is never shown
     */
    static SealingKey fromBase64(String text, String source) {
        if (text == null || text.isBlank()) {
            throw new SecretsKeyException(source + " is empty", "Give it the base64 of 32 random bytes: "
                    + "openssl rand -base64 32");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(text.strip());
        } catch (IllegalArgumentException notBase64) {
            throw new SecretsKeyException(source + " is not valid base64",
                    "Give it the base64 of 32 random bytes: openssl rand -base64 32");
        }
        if (bytes.length != LENGTH) {
            int length = bytes.length;
            Arrays.fill(bytes, (byte) 0);
            throw new SecretsKeyException(source + " decodes to " + length + " bytes; an AES-256 key is "
                    + LENGTH + " bytes", "Give it the base64 of 32 random bytes: openssl rand -base64 32");
        }
        return new SealingKey(bytes);
    }

    /** The keys of {@code foyer.secrets.previous-keys}, each read as {@link #fromBase64} does. */
    static List<SealingKey> previous(List<String> given) {
        List<SealingKey> keys = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            keys.add(fromBase64(given.get(i), "foyer.secrets.previous-keys[" + i + "]"));
        }
        return keys;
    }

    String id() {
        return id;
    }

    SecretKey key() {
        return key;
    }

    String toBase64() {
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }

    private static String idOf(byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Never the key itself: only its id may reach a log. */
    @Override
    public String toString() {
        return "SealingKey[" + id + "]";
    }
}

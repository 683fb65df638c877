package dev.foyer.secrets;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Seals secrets for storage and opens them again: AES-256-GCM, a random 96-bit nonce per value,
 * and associated data that binds each value to what it is and where it is stored (say
 * {@code "signing-key:<tenant>:<kid>"}), so a value copied into another row does not open. The
 * result is one line of text, {@code v1.<keyId>.<nonce>.<ciphertext and tag>} (base64url), that
 * names the key it needs. Seals with the current key; opens with it or with a previous one.
 */
public final class SecretBox {

    static final String VERSION = "v1";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final Pattern KEY_ID = Pattern.compile("[0-9a-f]{16}");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SealingKey current;
    private final Map<String, SealingKey> keys = new LinkedHashMap<>();

    SecretBox(SealingKey current, List<SealingKey> previous) {
        this.current = current;
        keys.put(current.id(), current);
        previous.forEach(key -> keys.putIfAbsent(key.id(), key));
    }

    /**
     * A box that seals with {@code key} and also opens what {@code previousKeys} sealed; each key is
     * the base64 of 32 bytes.
     *
     * @throws SecretsKeyException when a key is not base64 of 32 bytes (the message never shows it)
     */
    public static SecretBox of(String key, List<String> previousKeys) {
        return new SecretBox(SealingKey.fromBase64(key, "foyer.secrets.key"), SealingKey.previous(previousKeys));
    }

    /** The id of the key new values are sealed with. */
    public String currentKeyId() {
        return current.id();
    }

    /** Seals {@code secret} for the place named by {@code boundTo}; every call gives a new envelope. */
    public String seal(String secret, String boundTo) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, current, nonce, boundTo);
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return VERSION + "." + current.id() + "." + ENCODER.encodeToString(nonce) + "." + ENCODER.encodeToString(sealed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JVM", e);
        }
    }

    /**
     * Opens what {@link #seal} made for the same {@code boundTo}.
     *
     * @throws SecretUnreadableException when {@code envelope} is not one, needs a key this box does
     *                                   not have, or does not authenticate (altered, or sealed for
     *                                   another place)
     */
    public String open(String envelope, String boundTo) {
        Envelope parsed = Envelope.parse(envelope, boundTo);
        SealingKey key = keys.get(parsed.keyId());
        if (key == null) {
            throw new SecretUnreadableException("The secret of " + boundTo + " is sealed with key id "
                    + parsed.keyId() + ", which is neither foyer.secrets.key (id " + current.id()
                    + ") nor one of foyer.secrets.previous-keys", parsed.keyId(),
                    "Give this node the key with id " + parsed.keyId() + " as FOYER_SECRETS_KEY, or in "
                            + "FOYER_SECRETS_PREVIOUS_KEYS while rotating; all nodes on one database must share it");
        }
        try {
            byte[] plain = cipher(Cipher.DECRYPT_MODE, key, parsed.nonce(), boundTo).doFinal(parsed.sealed());
            return new String(plain, StandardCharsets.UTF_8);
        } catch (AEADBadTagException altered) {
            throw new SecretUnreadableException("The secret of " + boundTo + " does not authenticate under key id "
                    + key.id() + ": it was altered, or sealed for another record", key.id(),
                    "Restore the stored value from a backup; it cannot be used as it is");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JVM", e);
        }
    }

    /** Whether {@code envelope} is sealed with the current key (else it wants re-sealing). */
    public boolean isSealedWithCurrentKey(String envelope) {
        return envelope != null && envelope.startsWith(VERSION + "." + current.id() + ".");
    }

    /** The prefix every envelope sealed with the current key starts with, e.g. for SQL {@code like}. */
    public String currentKeyPrefix() {
        return VERSION + "." + current.id() + ".";
    }

    private static Cipher cipher(int mode, SealingKey key, byte[] nonce, String boundTo)
            throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key.key(), new GCMParameterSpec(TAG_BITS, nonce));
        // The version and key id are bound as well, so an envelope cannot be relabelled.
        cipher.updateAAD((VERSION + "." + key.id() + "." + boundTo).getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    @Override
    public String toString() {
        return "SecretBox[current=" + current.id() + ", keys=" + keys.keySet() + "]";
    }

    private record Envelope(String keyId, byte[] nonce, byte[] sealed) {

        static Envelope parse(String envelope, String boundTo) {
            String[] parts = envelope == null ? new String[0] : envelope.split("\\.", -1);
            if (parts.length != 4 || !VERSION.equals(parts[0]) || !KEY_ID.matcher(parts[1]).matches()) {
                throw malformed(boundTo, null);
            }
            try {
                byte[] nonce = DECODER.decode(parts[2]);
                byte[] sealed = DECODER.decode(parts[3]);
                if (nonce.length != NONCE_BYTES || sealed.length < TAG_BITS / 8) {
                    throw malformed(boundTo, parts[1]);
                }
                return new Envelope(parts[1], nonce, sealed);
            } catch (IllegalArgumentException notBase64) {
                throw malformed(boundTo, parts[1]);
            }
        }

        private static SecretUnreadableException malformed(String boundTo, String keyId) {
            return new SecretUnreadableException("The secret of " + boundTo + " is not a sealed value (expected "
                    + VERSION + ".<key id>.<nonce>.<ciphertext>); it may be truncated", keyId,
                    "Restore the stored value from a backup; it cannot be used as it is");
        }
    }
}

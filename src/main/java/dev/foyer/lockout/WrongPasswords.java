package dev.foyer.lockout;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The last few wrong passwords typed for one sign-in name, so that typing the same wrong password
 * again does not count again. Only an HMAC-SHA256 of each is kept, under a random key of its own
 * per sign-in name: never the password, never a plain hash that could be looked up.
 */
final class WrongPasswords {

    static final int KEPT = 5;
    private static final String HMAC = "HmacSHA256";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] key;
    private final List<byte[]> macs;

    private WrongPasswords(byte[] key, List<byte[]> macs) {
        this.key = key;
        this.macs = List.copyOf(macs);
    }

    /** None yet, under a fresh random key. */
    static WrongPasswords none() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return new WrongPasswords(key, List.of());
    }

    /** As stored: the key and the space-separated MACs, both Base64. */
    static WrongPasswords parse(String key, String macs) {
        List<byte[]> parsed = macs.isBlank() ? List.of()
                : Arrays.stream(macs.trim().split(" ")).map(Base64.getDecoder()::decode).toList();
        return new WrongPasswords(Base64.getDecoder().decode(key), parsed);
    }

    String key() {
        return Base64.getEncoder().encodeToString(key);
    }

    String macs() {
        return String.join(" ", macs.stream().map(Base64.getEncoder()::encodeToString).toList());
    }

    boolean contains(CharSequence password) {
        byte[] mac = mac(password);
        boolean found = false;
        for (byte[] kept : macs) {
            found |= MessageDigest.isEqual(kept, mac);
        }
        return found;
    }

    /** These and {@code password}, keeping only the newest {@link #KEPT}. */
    WrongPasswords plus(CharSequence password) {
        List<byte[]> next = new ArrayList<>(macs);
        next.add(mac(password));
        return new WrongPasswords(key, next.subList(Math.max(0, next.size() - KEPT), next.size()));
    }

    int size() {
        return macs.size();
    }

    private byte[] mac(CharSequence password) {
        ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        byte[] bytes = new byte[encoded.remaining()];
        encoded.get(bytes);
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(key, HMAC));
            return mac.doFinal(bytes);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }
}

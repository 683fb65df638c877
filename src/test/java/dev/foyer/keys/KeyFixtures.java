package dev.foyer.keys;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.SecureRandom;
import java.util.Base64;

/** Keys for the sealing tests: a fresh secrets key, a signing key, and a token signed and checked with it. */
final class KeyFixtures {

    private static final SecureRandom RANDOM = new SecureRandom();

    private KeyFixtures() {
    }

    /** A random key in the form {@code foyer.secrets.key} takes. */
    static String newKey() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    static RSAKey generate() throws Exception {
        return new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256)
                .keyIDFromThumbprint(true).generate();
    }

    static SignedJWT sign(RSAKey key) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                    new JWTClaimsSet.Builder().subject("someone").build());
            jwt.sign(new RSASSASigner(key));
            return jwt;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static boolean verifies(SignedJWT jwt, RSAKey key) {
        try {
            return jwt.verify(new RSASSAVerifier(key.toPublicJWK()));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}

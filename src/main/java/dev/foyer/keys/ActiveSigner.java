package dev.foyer.keys;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;

/**
 * The tenant's active key ready to sign: its key id and one signer made from it. Making a signer
 * rebuilds the JDK private key from the JWK (a key factory and a DER encoding); one signer kept
 * with the loaded key does that once per load instead of once per token, and keeps the JDK's
 * per-key RSA blinding values alive between garbage collections. The signer is safe for
 * concurrent use (it takes a new {@code Signature} per call).
 */
public record ActiveSigner(String kid, JWSSigner signer) {

    static ActiveSigner of(RSAKey key) {
        try {
            return new ActiveSigner(key.getKeyID(), new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("The signing key " + key.getKeyID() + " cannot sign", e);
        }
    }
}

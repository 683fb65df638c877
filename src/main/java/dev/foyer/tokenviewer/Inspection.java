package dev.foyer.tokenviewer;

import java.util.List;
import java.util.Optional;

/** What the viewer made of a token: unreadable, or decoded with a verdict on its signature. */
sealed interface Inspection {

    /** Not a JWT the viewer can decode; {@code reason} says why, for a person. */
    record Unreadable(String reason) implements Inspection {
    }

    /**
     * @param header    the header as pretty-printed JSON, in the token's own order
     * @param claims    one line per claim, in the token's own order
     * @param signature whether the signature was verified, and why not
     * @param validity  when the token expires or expired, when it says
     */
    record Decoded(String header, List<Claim> claims, Signature signature, Optional<String> validity)
            implements Inspection {
    }

    /** A claim: its name, its value as text and a plain-language description. */
    record Claim(String name, String value, String description) {
    }

    /** The verdict on the signature, as the page shows it. */
    record Signature(boolean verified, String text) {

        static Signature verified(String how) {
            return new Signature(true, "Signature verified " + how);
        }

        static Signature notVerified(String reason) {
            return new Signature(false, "Signature NOT verified: " + reason);
        }
    }
}

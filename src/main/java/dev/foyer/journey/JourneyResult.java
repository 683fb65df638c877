package dev.foyer.journey;

import dev.foyer.session.AuthenticationFactor;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The journey's answer "finished": who signed in, with which factors, when, and whether the
 * account was created on this run.
 *
 * @param factors                every factor the browser's session holds for this user, each with its time
 * @param authTime               when the user last actively authenticated
 * @param sealedIdpAccessToken   the upstream provider's access token from this run's sign-in there, sealed
 *                               with {@code SecretBox} bound to {@link #IDP_ACCESS_TOKEN}, for the
 *                               {@code idp_access_token} claim; null when none (local or silent sign-in,
 *                               or the flow does not select the claim)
 */
public record JourneyResult(UUID objectId, List<AuthenticationFactor> factors, Instant authTime, boolean newUser,
                            String protocolState, String sealedIdpAccessToken) {

    /** What an upstream access token is sealed to while it waits in the journey and the grant. */
    public static final String IDP_ACCESS_TOKEN = "idp_access_token";

    public JourneyResult {
        factors = List.copyOf(factors);
    }
}

package dev.foyer.oidc;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What tokens say about how the user signed in; carried from the journey's result through the
 * authorization code into every token of the grant.
 *
 * @param amr RFC 8176 method references, e.g. {@code ["pwd"]} or {@code ["pwd", "sms", "mfa"]}
 * @param idp the upstream identity provider's issuer (e.g. {@code google.com}) when the user signed in
 *            there, for the {@code idp} claim; null for a local account sign-in
 * @param sealedIdpAccessToken the upstream access token of that sign-in, sealed (see
 *            {@link dev.foyer.journey.JourneyResult#sealedIdpAccessToken()}), for the
 *            {@code idp_access_token} claim; null when none
 */
record Authentication(UUID objectId, UUID clientId, UUID flowId, List<String> scopes, Instant authTime,
                      List<String> amr, boolean newUser, String idp, String sealedIdpAccessToken) {

    Authentication {
        scopes = List.copyOf(scopes);
        amr = List.copyOf(amr);
    }

    /** The same authentication as seen by later tokens of the grant: no longer a new user. */
    Authentication refreshed() {
        return new Authentication(objectId, clientId, flowId, scopes, authTime, amr, false, idp, sealedIdpAccessToken);
    }
}

package dev.foyer.journey;

import dev.foyer.session.AuthenticationFactor;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The journey's answer "finished": who signed in, with which factors, when, and whether the
 * account was created on this run.
 *
 * @param factors  every factor the browser's session holds for this user, each with its time
 * @param authTime when the user last actively authenticated
 */
public record JourneyResult(UUID objectId, List<AuthenticationFactor> factors, Instant authTime, boolean newUser,
                            String protocolState) {

    public JourneyResult {
        factors = List.copyOf(factors);
    }
}

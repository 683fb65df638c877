package dev.foyer.journey;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import dev.foyer.session.AuthenticationFactor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One run of a user flow for one browser, persisted after every request so any node can serve the
 * next one. Steps read and write only their own entries in {@link #data}, through
 * {@link StepContext}.
 */
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE)
final class JourneyState {

    enum Status { ACTIVE, FINISHED, FAILED }

    JourneyRequest request;
    UUID flowId;
    /** The step names, frozen at start so a flow edited mid-run cannot shift a running journey. */
    List<String> plan = new ArrayList<>();
    /** The MFA method id (e.g. {@code phone}) the plan's second-factor step runs, if any. */
    String secondFactorMethod;
    int stepIndex;
    String csrfToken;
    /** Hash of the browser cookie that first opened the journey's page; later requests must match. */
    String browserHash;
    /** Set by a step that lets the user choose a path, e.g. {@code signUp}. */
    String choice;
    UUID objectId;
    /** Set once the journey reset the user's password: the browser's earlier session no longer counts. */
    boolean sessionDistrusted;
    boolean newUser;
    List<AuthenticationFactor> proven = new ArrayList<>();
    Map<String, String> data = new HashMap<>();
    /** Hash of the secret half of the callback state a returning step sent upstream; cleared when used. */
    String callbackSecretHash;
    Status status = Status.ACTIVE;
    JourneyError error;
    /** Hash of the SSO session the result was recorded in; the protocol side checks the browser holds it. */
    String sessionHash;
    List<AuthenticationFactor> resultFactors = new ArrayList<>();
    Instant authTime;
    Instant expiresAt;
    /** See {@link JourneyResult#sealedIdpAccessToken()}: sealed by the step that received it. */
    String sealedIdpAccessToken;
}

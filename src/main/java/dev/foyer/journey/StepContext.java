package dev.foyer.journey;

import dev.foyer.application.Application;
import dev.foyer.security.OpaqueTokens;
import dev.foyer.session.AuthenticationFactor;
import dev.foyer.session.SsoSession;
import dev.foyer.tenant.Tenant;
import dev.foyer.userflow.UserFlow;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * What a step may see and change of the running journey. Step data is namespaced by step name, so
 * steps cannot trample each other's state.
 */
public final class StepContext {

    private final String journeyId;
    private final JourneyState state;
    private final Step step;
    private final Tenant tenant;
    private final UserFlow flow;
    private final Application application;
    private final Optional<SsoSession> session;
    private final Instant now;
    private final String clientIp;

    StepContext(String journeyId, JourneyState state, Step step, Tenant tenant, UserFlow flow, Application application,
                Optional<SsoSession> session, Instant now, String clientIp) {
        this.journeyId = journeyId;
        this.state = state;
        this.step = step;
        this.tenant = tenant;
        this.flow = flow;
        this.application = application;
        this.session = session;
        this.now = now;
        this.clientIp = clientIp;
    }

    /** The address of the client that submitted the form ("" while only preparing a page). */
    public String clientIp() {
        return clientIp;
    }

    /** The MFA method id (e.g. {@code phone}) this run's second-factor step is for, if any. */
    public Optional<String> secondFactorMethod() {
        return Optional.ofNullable(state.secondFactorMethod);
    }

    public Tenant tenant() {
        return tenant;
    }

    public UserFlow flow() {
        return flow;
    }

    public Application application() {
        return application;
    }

    public JourneyRequest request() {
        return state.request;
    }

    /**
     * The browser's SSO session, holding only the factors that still count for this flow; empty
     * once the journey {@linkplain #distrustSession() distrusts} it.
     */
    public Optional<SsoSession> session() {
        return state.sessionDistrusted ? Optional.empty() : session;
    }

    /**
     * From now on this journey trusts nothing the browser proved before it: each later step asks
     * for its factor again. A password reset calls this, so that it cannot lean on an earlier
     * sign-in (a reset must prove every factor the flow asks for itself).
     */
    public void distrustSession() {
        state.sessionDistrusted = true;
    }

    /**
     * A fresh {@code state} value for a request to an upstream provider, which must come back with
     * the browser to {@link #callbackUrl()}. It names this journey and carries a secret the engine
     * checks, once: a new call invalidates the previous value.
     */
    public String callbackState() {
        String secret = OpaqueTokens.generate();
        state.callbackSecretHash = OpaqueTokens.hash(secret);
        return journeyId + JourneyEngine.CALLBACK_STATE_SEPARATOR + secret;
    }

    /** Where upstream providers send the browser back: {@code {origin}/{tenant}/oauth2/authresp}. */
    public String callbackUrl() {
        return state.request.origin() + "/" + tenant.name() + "/oauth2/authresp";
    }

    public Instant now() {
        return now;
    }

    /** The path the user chose on an earlier page, e.g. {@code signUp}. */
    public Optional<String> choice() {
        return Optional.ofNullable(state.choice);
    }

    public void choose(String choice) {
        state.choice = choice;
    }

    /** The user this journey has identified so far. */
    public Optional<UUID> subject() {
        return Optional.ofNullable(state.objectId);
    }

    public void identify(UUID objectId, boolean newUser) {
        state.objectId = objectId;
        state.newUser = state.newUser || newUser;
    }

    /** Records a factor proven on this run. */
    public void prove(String method) {
        state.proven.add(new AuthenticationFactor(method, now));
    }

    /** Records a sign-in at the upstream identity provider {@code issuer} ({@code fed}), proven on this run. */
    public void proveFederated(String issuer) {
        state.proven.add(new AuthenticationFactor(AuthenticationFactor.FEDERATED, now, issuer));
    }

    /**
     * Hands the upstream provider's access token to the application (the {@code idp_access_token}
     * claim), already sealed with {@code SecretBox} bound to {@link JourneyResult#IDP_ACCESS_TOKEN}.
     */
    public void handOverIdpAccessToken(String sealed) {
        state.sealedIdpAccessToken = sealed;
    }

    /** Whether {@code method} was proven on this run itself (not by an earlier sign-in of the session). */
    public boolean provedOnThisRun(String method) {
        return state.proven.stream().anyMatch(f -> f.method().equals(method));
    }

    public Optional<String> get(String key) {
        return Optional.ofNullable(state.data.get(step.name() + "." + key));
    }

    public void put(String key, String value) {
        if (value == null) {
            state.data.remove(step.name() + "." + key);
        } else {
            state.data.put(step.name() + "." + key, value);
        }
    }

    /** Reads another step's data (read-only), e.g. the email the verification step proved. */
    public Optional<String> getOf(String stepName, String key) {
        return Optional.ofNullable(state.data.get(stepName + "." + key));
    }
}

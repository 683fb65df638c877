package dev.foyer.journey;

import dev.foyer.application.Application;
import dev.foyer.application.ApplicationRepository;
import dev.foyer.security.OpaqueTokens;
import dev.foyer.session.AuthenticationFactor;
import dev.foyer.session.SsoSession;
import dev.foyer.session.SsoSessions;
import dev.foyer.tenant.TenantContext;
import dev.foyer.userflow.UserFlow;
import dev.foyer.userflow.UserFlowRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

/**
 * Runs user flows. The protocol side calls {@link #start} and, when the browser comes back,
 * {@link #end}; in between, the hosted pages call {@link #show} and {@link #submit}. State lives
 * in the {@link JourneyStore} after every request, never in a node's memory.
 */
@Service
public class JourneyEngine {

    static final String CANCEL = "cancel";
    /** Separates the journey id from the secret in a callback state ({@link StepContext#callbackState()}). */
    static final String CALLBACK_STATE_SEPARATOR = ".";
    static final String CALLBACK_REFUSED = "This sign-in response does not belong to a sign-in started in this"
            + " browser, or it was already used. Return to the application and sign in again.";
    static final String PAGE_EXPIRED = "This sign-in page has expired or is no longer valid."
            + " Return to the application and sign in again.";

    private final JourneyPlanner planner;
    private final JourneyStore store;
    private final UserFlowRepository flows;
    private final ApplicationRepository applications;
    private final SsoSessions sessions;
    private final Clock clock;
    private final Duration lifetime;

    JourneyEngine(JourneyPlanner planner, JourneyStore store, UserFlowRepository flows,
                  ApplicationRepository applications, SsoSessions sessions, Clock clock,
                  @Value("${foyer.journey.lifetime:PT30M}") Duration lifetime) {
        this.planner = planner;
        this.store = store;
        this.flows = flows;
        this.applications = applications;
        this.sessions = sessions;
        this.clock = clock;
        this.lifetime = lifetime;
    }

    /** Starts a journey; finishes at once when the SSO session satisfies every step. */
    public JourneyStart start(JourneyRequest request, UserFlow flow, Application application,
                              Optional<SsoSession> session) {
        JourneyPlanner.Plan plan = planner.plan(flow, request);
        if (plan.refusal() != null) {
            return new JourneyStart.Refused(plan.refusal());
        }
        Instant now = clock.instant();
        JourneyState state = new JourneyState();
        state.request = request;
        state.flowId = flow.id();
        state.plan.addAll(plan.stepNames());
        state.secondFactorMethod = plan.secondFactorMethod();
        state.csrfToken = OpaqueTokens.generate();
        state.expiresAt = now.plus(lifetime);
        String id = OpaqueTokens.generate();
        Run run = new Run(id, state, flow, application, session, now, "");
        Optional<StepOutcome> pending = run.advance();
        if (pending.isEmpty()) {
            if (flow.properties().session().rolling()) {
                session.ifPresent(s -> sessions.extend(s, flow.properties().session().webSessionLifetime()));
            }
            List<AuthenticationFactor> factors = run.session.map(SsoSession::factors).orElse(List.of());
            return new JourneyStart.Finished(new JourneyResult(state.objectId, factors, SsoSession.authTime(factors),
                    false, request.protocolState(), null));
        }
        if (pending.get() instanceof StepOutcome.Failed failed) {
            return new JourneyStart.Refused(failed.error());
        }
        if (request.forbidsInteraction()) {
            return new JourneyStart.Refused(
                    state.objectId == null ? JourneyError.LOGIN_REQUIRED : JourneyError.INTERACTION_REQUIRED);
        }
        store.insert(id, state);
        // A step that leaves at once (a domain_hint naming an identity provider) still goes through the
        // journey's URL: that binds the journey to this browser before anything is sent upstream, so
        // the callback can be checked against it; the journey URL then redirects upstream, no page shown.
        return new JourneyStart.Interaction(pageUrl(flow, id));
    }

    /** The page of the journey's current step (binding the journey to this browser on first sight). */
    @Transactional
    JourneyPage show(String id, String browserId, Optional<SsoSession> session) {
        Instant now = clock.instant();
        Optional<JourneyStore.Loaded> loaded = store.find(id, now);
        if (loaded.isEmpty()) {
            return new JourneyPage.Problem(404, PAGE_EXPIRED);
        }
        JourneyState state = loaded.get().state();
        if (state.browserHash == null) {
            state.browserHash = OpaqueTokens.hash(browserId);
        } else if (!OpaqueTokens.equal(state.browserHash, OpaqueTokens.hash(browserId))) {
            return new JourneyPage.Problem(403, PAGE_EXPIRED);
        }
        if (state.status != JourneyState.Status.ACTIVE) {
            return new JourneyPage.Redirect(returnUrl(state, id), null);
        }
        return proceed(id, loaded.get(), session, now, null, "", false);
    }

    /**
     * Handles a form posted on the journey's current page. One transaction: what the step wrote
     * (an account, an outbox message) commits with the journey's new state or not at all.
     */
    @Transactional
    JourneyPage submit(String id, String browserId, String csrfToken, FormInput input, Optional<SsoSession> session,
                       String clientIp) {
        Instant now = clock.instant();
        Optional<JourneyStore.Loaded> loaded = store.find(id, now);
        if (loaded.isEmpty()) {
            return new JourneyPage.Problem(404, PAGE_EXPIRED);
        }
        JourneyState state = loaded.get().state();
        if (state.browserHash == null || !OpaqueTokens.equal(state.browserHash, OpaqueTokens.hash(browserId))
                || !OpaqueTokens.equal(state.csrfToken, csrfToken)) {
            return new JourneyPage.Problem(403, "This form was not sent by the page we showed you, or that page has"
                    + " expired. Go back, reload the page and try again.");
        }
        if (state.status != JourneyState.Status.ACTIVE) {
            return new JourneyPage.Redirect(returnUrl(state, id), null);
        }
        if (input.isAction(CANCEL)) {
            return fail(id, loaded.get(), JourneyError.CANCELLED, now);
        }
        return proceed(id, loaded.get(), session, now, input, clientIp, false);
    }

    /**
     * The browser's return from an upstream provider ({@code /{tenant}/oauth2/authresp}): the
     * {@code state} names the journey and carries the secret its returning step issued, usable once
     * and only from the browser the journey is bound to; the step then reads the parameters.
     */
    @Transactional
    JourneyPage callback(String callbackState, String browserId, FormInput parameters, Optional<SsoSession> session,
                         String clientIp) {
        int dot = callbackState == null ? -1 : callbackState.indexOf(CALLBACK_STATE_SEPARATOR);
        if (dot <= 0 || callbackState.length() > 256) {
            return new JourneyPage.Problem(400, CALLBACK_REFUSED);
        }
        String id = callbackState.substring(0, dot);
        String secret = callbackState.substring(dot + 1);
        Instant now = clock.instant();
        Optional<JourneyStore.Loaded> loaded = store.find(id, now);
        if (loaded.isEmpty()) {
            return new JourneyPage.Problem(400, CALLBACK_REFUSED);
        }
        JourneyState state = loaded.get().state();
        if (state.browserHash == null || !OpaqueTokens.equal(state.browserHash, OpaqueTokens.hash(browserId))
                || state.callbackSecretHash == null
                || !OpaqueTokens.equal(state.callbackSecretHash, OpaqueTokens.hash(secret))) {
            return new JourneyPage.Problem(400, CALLBACK_REFUSED);
        }
        if (state.status != JourneyState.Status.ACTIVE) {
            return new JourneyPage.Redirect(returnUrl(state, id), null);
        }
        if (!(planner.step(state.plan.get(state.stepIndex)) instanceof ReturningStep)) {
            return new JourneyPage.Problem(400, CALLBACK_REFUSED);
        }
        state.callbackSecretHash = null;
        return proceed(id, loaded.get(), session, now, parameters, clientIp, true);
    }

    /**
     * The protocol side's second call: the journey's outcome, once. A success is handed only to the
     * browser that holds the SSO session the journey recorded.
     */
    public JourneyEnd end(String id, Optional<SsoSession> browserSession) {
        Optional<JourneyStore.Loaded> loaded = store.find(id, clock.instant());
        if (loaded.isEmpty()) {
            return new JourneyEnd.NotFound();
        }
        JourneyState state = loaded.get().state();
        switch (state.status) {
            case FINISHED -> {
                boolean sameBrowser = browserSession
                        .map(s -> OpaqueTokens.equal(state.sessionHash, OpaqueTokens.hash(s.id()))).orElse(false);
                if (!sameBrowser || !store.delete(id)) {
                    return new JourneyEnd.NotFound();
                }
                return new JourneyEnd.Succeeded(new JourneyResult(state.objectId, state.resultFactors,
                        state.authTime, state.newUser, state.request.protocolState(), state.sealedIdpAccessToken));
            }
            case FAILED -> {
                if (!store.delete(id)) {
                    return new JourneyEnd.NotFound();
                }
                return new JourneyEnd.Failed(state.error, state.request.protocolState());
            }
            default -> {
                return new JourneyEnd.NotFound();
            }
        }
    }

    /** The flow a journey page belongs to, for titles and layout. */
    Optional<UserFlow> flowOf(String name) {
        return flows.findByName(name);
    }

    @Scheduled(fixedDelayString = "${foyer.journey.cleanup-interval:PT5M}")
    void deleteExpired() {
        store.deleteExpired(clock.instant());
    }

    private JourneyPage proceed(String id, JourneyStore.Loaded loaded, Optional<SsoSession> session, Instant now,
                                FormInput input, String clientIp, boolean isCallback) {
        JourneyState state = loaded.state();
        Optional<UserFlow> flow = flows.findByName(state.request.flowName());
        Optional<Application> application = applications.findByClientId(state.request.clientId());
        if (flow.isEmpty() || application.isEmpty() || !flow.get().id().equals(state.flowId)) {
            return new JourneyPage.Problem(404, PAGE_EXPIRED);
        }
        Run run = new Run(id, state, flow.get(), application.get(), session, now, clientIp);
        Optional<StepOutcome> pending;
        if (input != null) {
            Step step = planner.step(state.plan.get(state.stepIndex));
            StepOutcome outcome = isCallback ? ((ReturningStep) step).callback(run.context(step), input)
                    : step.submit(run.context(step), input);
            pending = outcome instanceof StepOutcome.Completed ? run.next() : Optional.of(outcome);
        } else {
            pending = run.advance();
        }
        if (pending.isEmpty()) {
            return finish(id, loaded, flow.get(), session, now);
        }
        if (pending.get() instanceof StepOutcome.Failed failed) {
            return fail(id, loaded, failed.error(), now);
        }
        if (!save(id, loaded, now, input == null)) {
            return concurrentChange(flow.get(), id);
        }
        if (pending.get() instanceof StepOutcome.Redirect away) {
            return new JourneyPage.Redirect(away.location(), null);
        }
        View view = ((StepOutcome.ShowView) pending.get()).view();
        // After a callback always: the page's forms must post to the journey's URL, not the callback's,
        // so a returning step keeps what it wants to show (errors too) for its prepare().
        if (input != null && (isCallback || !view.hasErrors())) {
            return new JourneyPage.Redirect(pageUrl(flow.get(), id), null);
        }
        return new JourneyPage.Render(view, state.csrfToken);
    }

    /**
     * Saves the state of a journey that goes on, for another {@code lifetime}. A page view that
     * changed nothing (a reload, the page after a redirect) writes nothing while more than half of
     * the lifetime is left; a journey's row so expires {@code lifetime} after it last changed, and
     * at least half of it after the last page view.
     */
    private boolean save(String id, JourneyStore.Loaded loaded, Instant now, boolean pageView) {
        JourneyState state = loaded.state();
        if (pageView && loaded.expiresAt().isAfter(now.plus(lifetime.dividedBy(2)))) {
            return store.saveIfChanged(id, loaded);
        }
        state.expiresAt = now.plus(lifetime);
        return store.save(id, state, loaded.version());
    }

    private JourneyPage finish(String id, JourneyStore.Loaded loaded, UserFlow flow, Optional<SsoSession> session,
                               Instant now) {
        JourneyState state = loaded.state();
        if (state.objectId == null) {
            throw new IllegalStateException("Journey of flow " + flow.name() + " ended without a user");
        }
        if (state.sessionDistrusted) {
            // Nothing the browser proved before this journey is carried into its new session.
            session.ifPresent(sessions::end);
        }
        SsoSession recorded = sessions.authenticated(session, state.objectId, state.proven,
                flow.properties().session().webSessionLifetime());
        state.status = JourneyState.Status.FINISHED;
        state.sessionHash = OpaqueTokens.hash(recorded.id());
        List<AuthenticationFactor> counted = recorded.withFactorsProvenSince(validSince(flow, now)).factors();
        state.resultFactors.clear();
        state.resultFactors.addAll(counted);
        state.authTime = SsoSession.authTime(counted);
        state.expiresAt = now.plus(Duration.ofMinutes(5));
        if (!store.save(id, state, loaded.version())) {
            return concurrentChange(flow, id);
        }
        return new JourneyPage.Redirect(returnUrl(state, id), recorded);
    }

    /** Another request moved the journey on first: undo this one's writes and show the current page. */
    private static JourneyPage concurrentChange(UserFlow flow, String id) {
        TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
        return new JourneyPage.Redirect(pageUrl(flow, id), null);
    }

    private JourneyPage fail(String id, JourneyStore.Loaded loaded, JourneyError error, Instant now) {
        JourneyState state = loaded.state();
        state.status = JourneyState.Status.FAILED;
        state.error = error;
        state.expiresAt = now.plus(Duration.ofMinutes(5));
        store.save(id, state, loaded.version());
        return new JourneyPage.Redirect(returnUrl(state, id), null);
    }

    /** Factors proven before this no longer count for {@code flow}: older than its session lifetime. */
    private static Instant validSince(UserFlow flow, Instant now) {
        return now.minus(flow.properties().session().webSessionLifetime());
    }

    static String pageUrl(UserFlow flow, String id) {
        return "/" + TenantContext.current().name() + "/" + flow.canonicalName() + "/journey/" + id;
    }

    private static String returnUrl(JourneyState state, String id) {
        String path = state.request.returnPath();
        return path + (path.contains("?") ? "&" : "?") + "journey=" + id;
    }

    /** One request's pass over the plan. */
    private final class Run {
        private final String id;
        private final JourneyState state;
        private final UserFlow flow;
        private final Application application;
        private final Optional<SsoSession> session;
        private final Instant now;
        private final String clientIp;

        Run(String id, JourneyState state, UserFlow flow, Application application, Optional<SsoSession> session,
            Instant now, String clientIp) {
            this.id = id;
            this.state = state;
            this.flow = flow;
            this.application = application;
            this.session = session.map(s -> s.withFactorsProvenSince(validSince(flow, now)));
            this.now = now;
            this.clientIp = clientIp;
        }

        StepContext context(Step step) {
            return new StepContext(id, state, step, TenantContext.current(), flow, application, session, now, clientIp);
        }

        /** Moves past the current step, then on until a step needs the user. */
        Optional<StepOutcome> next() {
            state.stepIndex++;
            return advance();
        }

        /** From the current step on, the first outcome that is not "completed"; empty when all are done. */
        Optional<StepOutcome> advance() {
            while (state.stepIndex < state.plan.size()) {
                Step step = planner.step(state.plan.get(state.stepIndex));
                StepOutcome outcome = step.prepare(context(step));
                if (!(outcome instanceof StepOutcome.Completed)) {
                    return Optional.of(outcome);
                }
                state.stepIndex++;
            }
            return Optional.empty();
        }
    }
}

package dev.foyer.journey;

import dev.foyer.userflow.MfaSettings;
import dev.foyer.userflow.UserFlow;
import dev.foyer.userflow.UserFlowRepository;
import dev.foyer.userflow.UserFlowType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Turns a user flow (data) into the flat list of steps the engine runs. Steps decide themselves,
 * from the journey's state, whether they have anything to do.
 */
@Component
class JourneyPlanner {

    /**
     * Each flow type's steps before and after the second factor (when the flow has one). A step
     * that does not apply to the path the user chose (sign in, sign up, forgot password) completes
     * without a page. The new password of a reset comes after the second factor, so a reset cannot
     * get around MFA.
     */
    // A provider's button (or domain_hint) on the sign-in page: upstream and back, then link the new
    // identity to a local account with the same verified email, or create its user (a sign-in-only
    // flow refuses). Each completes without a page when the user signed in locally.
    private static final String FEDERATED_SIGN_IN = "federatedSignIn";
    private static final String FEDERATED_LINK = "federatedLink";
    private static final String FEDERATED_SIGN_UP = "federatedSignUp";

    static final Map<UserFlowType, List<String>> BEFORE_SECOND_FACTOR = Map.of(
            UserFlowType.SIGN_UP_OR_SIGN_IN, List.of("localSignIn", FEDERATED_SIGN_IN, FEDERATED_LINK,
                    FEDERATED_SIGN_UP, "emailVerification", "signUpDetails"),
            UserFlowType.SIGN_IN, List.of("localSignIn", FEDERATED_SIGN_IN, FEDERATED_LINK, FEDERATED_SIGN_UP,
                    "emailVerification"),
            UserFlowType.SIGN_UP, List.of("emailVerification", "signUpDetails"),
            UserFlowType.PASSWORD_RESET, List.of("emailVerification"),
            UserFlowType.PROFILE_EDITING, List.of("localSignIn", FEDERATED_SIGN_IN, FEDERATED_LINK,
                    FEDERATED_SIGN_UP, "emailVerification"));
    static final Map<UserFlowType, List<String>> AFTER_SECOND_FACTOR = Map.of(
            UserFlowType.SIGN_UP_OR_SIGN_IN, List.of("passwordReset"),
            UserFlowType.SIGN_IN, List.of("passwordReset"),
            UserFlowType.SIGN_UP, List.of(),
            UserFlowType.PASSWORD_RESET, List.of("passwordReset"),
            UserFlowType.PROFILE_EDITING, List.of("passwordReset", "profileEdit", "phoneChange",
                    "linkIdentity"));

    /** The {@code acr_values} value that asks for multi-factor authentication on any flow. */
    public static final String MFA_LEVEL = "mfa";

    private final Map<String, Step> steps;
    private final List<SecondFactorMethod> secondFactors;
    private final UserFlowRepository flows;

    JourneyPlanner(List<Step> steps, List<SecondFactorMethod> secondFactors, UserFlowRepository flows) {
        this.steps = steps.stream().collect(Collectors.toMap(Step::name, Function.identity()));
        this.secondFactors = secondFactors;
        this.flows = flows;
    }

    /**
     * The step names for {@code flow}, or why it cannot run on this server. A second factor is
     * planned when the flow's MFA is on, or when the request asks to step up with
     * {@code acr_values} naming {@code mfa} or a flow whose MFA is on.
     */
    Plan plan(UserFlow flow, JourneyRequest request) {
        if (!BEFORE_SECOND_FACTOR.containsKey(flow.type())) {
            return Plan.refused(JourneyError.unavailable(
                    "User flows of type " + flow.type() + " are not available on this server yet."));
        }
        List<String> names = new ArrayList<>(BEFORE_SECOND_FACTOR.get(flow.type()));
        List<String> after = AFTER_SECOND_FACTOR.get(flow.type());
        Optional<String> methodId = flow.properties().mfa().isOn()
                ? Optional.of(flow.properties().mfa().method()) : stepUpMethod(request.acrValues());
        if (methodId.isEmpty()) {
            names.addAll(after);
            return Plan.of(names, null);
        }
        Optional<SecondFactorMethod> method = secondFactors.stream().filter(m -> m.handles(methodId.get())).findFirst();
        if (method.isEmpty()) {
            return Plan.refused(JourneyError.unavailable("The user flow " + flow.name()
                    + " requires multi-factor authentication (method '" + methodId.get()
                    + "'), which this server does not offer. Turn multi-factor authentication off for"
                    + " this flow or use another flow."));
        }
        names.add(method.get().step().name());
        names.addAll(after);
        return Plan.of(names, methodId.get());
    }

    private Optional<String> stepUpMethod(List<String> acrValues) {
        for (String value : acrValues) {
            if (MFA_LEVEL.equalsIgnoreCase(value)) {
                return Optional.of(MfaSettings.PHONE);
            }
            Optional<String> named = flows.findByName(value).map(UserFlow::properties).map(p -> p.mfa())
                    .filter(MfaSettings::isOn).map(MfaSettings::method);
            if (named.isPresent()) {
                return named;
            }
        }
        return Optional.empty();
    }

    Step step(String name) {
        Step step = steps.get(name);
        if (step == null) {
            throw new IllegalStateException("No step named " + name);
        }
        return step;
    }

    record Plan(List<String> stepNames, String secondFactorMethod, JourneyError refusal) {
        static Plan of(List<String> names, String secondFactorMethod) {
            return new Plan(List.copyOf(names), secondFactorMethod, null);
        }

        static Plan refused(JourneyError error) {
            return new Plan(List.of(), null, error);
        }
    }
}

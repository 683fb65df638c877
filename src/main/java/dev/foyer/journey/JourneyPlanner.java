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

    static final List<String> SIGN_UP_OR_SIGN_IN = List.of("localSignIn", "emailVerification", "signUpDetails");
    static final List<String> SIGN_IN = List.of("localSignIn");

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
        List<String> names;
        if (flow.type() == UserFlowType.SIGN_UP_OR_SIGN_IN) {
            names = new ArrayList<>(SIGN_UP_OR_SIGN_IN);
        } else if (flow.type() == UserFlowType.SIGN_IN) {
            names = new ArrayList<>(SIGN_IN);
        } else {
            return Plan.refused(JourneyError.unavailable(
                    "User flows of type " + flow.type() + " are not available on this server yet."));
        }
        Optional<String> methodId = flow.properties().mfa().isOn()
                ? Optional.of(flow.properties().mfa().method()) : stepUpMethod(request.acrValues());
        if (methodId.isEmpty()) {
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

package dev.foyer.journey;

import dev.foyer.userflow.UserFlow;
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

    private final Map<String, Step> steps;
    private final List<SecondFactorMethod> secondFactors;

    JourneyPlanner(List<Step> steps, List<SecondFactorMethod> secondFactors) {
        this.steps = steps.stream().collect(Collectors.toMap(Step::name, Function.identity()));
        this.secondFactors = secondFactors;
    }

    /** The step names for {@code flow}, or why it cannot run on this server. */
    Plan plan(UserFlow flow) {
        if (flow.type() != UserFlowType.SIGN_UP_OR_SIGN_IN) {
            return Plan.refused(JourneyError.unavailable(
                    "User flows of type " + flow.type() + " are not available on this server yet."));
        }
        List<String> names = new ArrayList<>(SIGN_UP_OR_SIGN_IN);
        var mfa = flow.properties().mfa();
        if (mfa.isOn()) {
            Optional<SecondFactorMethod> method = secondFactors.stream().filter(m -> m.handles(mfa.method())).findFirst();
            if (method.isEmpty()) {
                return Plan.refused(JourneyError.unavailable("The user flow " + flow.name()
                        + " requires multi-factor authentication (method '" + mfa.method()
                        + "'), which this server does not offer yet. Turn multi-factor authentication off for"
                        + " this flow or use another flow."));
            }
            names.add(method.get().step().name());
        }
        return Plan.of(names);
    }

    Step step(String name) {
        Step step = steps.get(name);
        if (step == null) {
            throw new IllegalStateException("No step named " + name);
        }
        return step;
    }

    record Plan(List<String> stepNames, JourneyError refusal) {
        static Plan of(List<String> names) {
            return new Plan(List.copyOf(names), null);
        }

        static Plan refused(JourneyError error) {
            return new Plan(List.of(), error);
        }
    }
}

package dev.foyer.mfa.phone;

import dev.foyer.audit.AuditActor;
import dev.foyer.journey.FormInput;
import dev.foyer.journey.Step;
import dev.foyer.journey.StepContext;
import dev.foyer.journey.StepOutcome;
import dev.foyer.journey.View;
import dev.foyer.userflow.MfaEnforcement;
import dev.foyer.userflow.UserFlowRepository;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Changing the phone number from a profile editing flow, when the user chose it on the profile
 * page. First a code to the current number (unless this very run already proved {@code sms} or
 * {@code tel}: an SSO session's earlier second factor does not count), then the new number and a
 * code to it; only once that code is verified does the new number replace the old one, in the
 * submit's transaction, recorded as {@code mfa.phoneChanged}. Cancelling anywhere leaves the old
 * number attached. Every code goes through the phone step's sending code, so the country list,
 * the journey's wait and count, and the shared caps apply as to any other code.
 *
 * <p>After the current number is proven the user may instead remove it without a replacement,
 * unless any flow of the tenant has MFA "Always on": which flows a user uses is not tracked, so the
 * rule is the safe one for the tenant as a whole.
 */
@Component
class PhoneChangeStep implements Step {

    static final String NAME = "phoneChange";
    static final String REMOVE = "removePhone";
    private static final String PHASE = "phase";
    private static final String NEW_NUMBER = "newNumber";
    static final String REMOVAL_REFUSED = "Your phone number cannot be removed because signing in here requires"
            + " multi-factor authentication. You can change it to another number instead.";

    private final PhoneFactorStep phoneStep;
    private final PhoneMethods phoneMethods;
    private final PhoneMethodAdministration administration;
    private final EnrollmentAttempts enrollments;
    private final PhoneCodeEvents events;
    private final UserFlowRepository flows;

    PhoneChangeStep(PhoneFactorStep phoneStep, PhoneMethods phoneMethods, PhoneMethodAdministration administration,
                    EnrollmentAttempts enrollments, PhoneCodeEvents events, UserFlowRepository flows) {
        this.phoneStep = phoneStep;
        this.phoneMethods = phoneMethods;
        this.administration = administration;
        this.enrollments = enrollments;
        this.events = events;
        this.flows = flows;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public StepOutcome prepare(StepContext context) {
        if (!PhoneMethods.CHANGE_PHONE_CHOICE.equals(context.choice().orElse(""))) {
            return StepOutcome.completed();
        }
        UUID user = user(context);
        if (context.get(PHASE).isEmpty() && (context.provedOnThisRun(PhoneChannels.SMS)
                || context.provedOnThisRun(PhoneChannels.CALL))) {
            toNewNumber(context);
        }
        return StepOutcome.show(decorate(context, phoneStep.page(context, user)));
    }

    @Override
    public StepOutcome submit(StepContext context, FormInput input) {
        UUID user = user(context);
        boolean currentProven = context.get(PHASE).isPresent();
        if (input.isAction(REMOVE)) {
            return remove(context, user, currentProven);
        }
        if (!currentProven && input.isAction("changeNumber")) {
            return StepOutcome.show(view(context, user).withPageError(
                    "Please verify the code sent to your current phone number first."));
        }
        StepOutcome outcome = phoneStep.submit(context, input, this::replace);
        if (outcome instanceof StepOutcome.ShowView shown) {
            return StepOutcome.show(decorate(context, shown.view()));
        }
        if (outcome instanceof StepOutcome.Completed && !currentProven) {
            toNewNumber(context);
            return StepOutcome.show(view(context, user));
        }
        return outcome;
    }

    private StepOutcome remove(StepContext context, UUID user, boolean currentProven) {
        if (!currentProven) {
            return StepOutcome.show(view(context, user).withPageError(
                    "Please verify the code sent to your current phone number first."));
        }
        if (flows.findAll().stream().anyMatch(f -> f.properties().mfa().enforcement() == MfaEnforcement.ALWAYS_ON)) {
            return StepOutcome.show(view(context, user).withPageError(REMOVAL_REFUSED));
        }
        for (PhoneMethod method : phoneMethods.verified(user)) {
            administration.remove(user, method.id(), AuditActor.user(user));
        }
        return StepOutcome.completed();
    }

    /** The new number is proven: attach it, then detach the old ones, in the submit's transaction. */
    private void replace(StepContext context, UUID user, PhoneNumber number) {
        List<PhoneMethod> before = phoneMethods.verified(user);
        PhoneMethod attached = phoneMethods.attach(user, number);
        enrollments.verified(number);
        for (PhoneMethod old : before) {
            if (!old.id().equals(attached.id())) {
                phoneMethods.delete(user, old.id());
            }
        }
        if (!before.isEmpty() && !before.get(0).number().equals(number)) {
            events.changed(context, user, before.get(0).number(), number, attached.id());
        }
    }

    private static void toNewNumber(StepContext context) {
        context.put(PHASE, NEW_NUMBER);
        PhoneFactorStep.startEnrollment(context);
    }

    private View view(StepContext context, UUID user) {
        return decorate(context, phoneStep.view(context, user));
    }

    /** The phone page, told that it serves a change (headings, and removal once the current number is proven). */
    private static View decorate(StepContext context, View view) {
        return view.with("changing", context.get(PHASE).isPresent() ? "new" : "current")
                .with("canRemove", context.get(PHASE).isPresent());
    }

    private static UUID user(StepContext context) {
        return context.subject().orElseThrow(() -> new IllegalStateException("Phone change before sign-in"));
    }
}

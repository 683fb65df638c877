package dev.foyer.mfa.phone;

import dev.foyer.journey.FormInput;
import dev.foyer.journey.Step;
import dev.foyer.journey.StepContext;
import dev.foyer.journey.StepOutcome;
import dev.foyer.journey.View;
import dev.foyer.messaging.ChannelType;
import dev.foyer.messaging.DeliveryState;
import dev.foyer.messaging.Message;
import dev.foyer.messaging.Outbox;
import dev.foyer.security.CodePolicies;
import dev.foyer.security.CodePolicy;
import dev.foyer.security.OneTimeCode;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * The phone step: enroll a number (country/region + number, then a code by SMS or call) or verify
 * the one attached to the account (masked), then record {@code sms} or {@code tel} as proven.
 * Satisfied without a page when the browser's session already holds a second factor that still
 * counts for the flow (step-up asks only for what is missing). The account exists before this
 * step runs; cancelling leaves it without a phone, so the next MFA run asks again.
 *
 * <p>Before a code goes out: the number's country must be on the tenant's list (judged from the
 * number, not from the country chosen in the form), the journey must be under its code count and
 * past its wait since the last code (doubling each time; waived when the last code could not be
 * delivered), and the shared caps ({@link PhoneCodeCaps}) must allow it. A refusal sends nothing,
 * says when to try again, and is recorded ({@link PhoneCodeEvents}).
 */
@Component
class PhoneFactorStep implements Step {

    static final String NAME = "phoneFactor";
    private static final String NUMBER = "number";
    private static final String ENROLLING = "enrolling";
    private static final String CHANNEL = "channel";
    private static final String CODE = "code";
    private static final String CODES_SENT = "codesSent";
    private static final String MESSAGE = "message";
    /** When the journey may have its next code, in epoch milliseconds. */
    private static final String RESEND_AFTER = "resendAfter";

    private final PhoneMethods phoneMethods;
    private final Outbox outbox;
    private final PhoneLimitSettings limits;
    private final PhoneCodeCaps caps;
    private final EnrollmentAttempts enrollments;
    private final CodePolicies codes;
    private final PhoneCodeEvents events;

    PhoneFactorStep(PhoneMethods phoneMethods, Outbox outbox, PhoneLimitSettings limits, PhoneCodeCaps caps,
                    EnrollmentAttempts enrollments, CodePolicies codes, PhoneCodeEvents events) {
        this.phoneMethods = phoneMethods;
        this.outbox = outbox;
        this.limits = limits;
        this.caps = caps;
        this.enrollments = enrollments;
        this.codes = codes;
        this.events = events;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public StepOutcome prepare(StepContext context) {
        UUID user = context.subject().orElseThrow(() -> new IllegalStateException("Phone step before sign-in"));
        boolean sessionHasSecondFactor = context.session()
                .filter(s -> s.objectId().equals(user) && s.hasSecondFactor(null, context.now())).isPresent();
        if (sessionHasSecondFactor && context.get(CODE).isEmpty()) {
            return StepOutcome.completed();
        }
        return StepOutcome.show(page(context, user));
    }

    @Override
    public StepOutcome submit(StepContext context, FormInput input) {
        return submit(context, input, this::enroll);
    }

    /** What to do with a newly typed number once its code is verified. */
    interface Enrollment {
        void proven(StepContext context, UUID user, PhoneNumber number);
    }

    /**
     * Handles the phone page's form in {@code context}'s step (whose data it keeps), with every
     * check of a code sent; {@code enrollment} decides what a new number's proof does.
     */
    StepOutcome submit(StepContext context, FormInput input, Enrollment enrollment) {
        UUID user = context.subject().orElseThrow(() -> new IllegalStateException("Phone step before sign-in"));
        String action = input.action() == null ? "" : input.action();
        return switch (action) {
            case "sendCode" -> send(context, user, input, PhoneChannels.SMS);
            case "callMe" -> send(context, user, input, PhoneChannels.CALL);
            case "verifyCode" -> verify(context, user, input.get("verificationCode"), enrollment);
            case "changeNumber" -> {
                startEnrollment(context);
                yield StepOutcome.show(view(context, user));
            }
            default -> StepOutcome.show(view(context, user).withPageError("Please choose Send code or Call me."));
        };
    }

    /** From now on the page asks for a new number; the journey's code count and wait carry on. */
    static void startEnrollment(StepContext context) {
        context.put(CODE, null);
        context.put(NUMBER, null);
        context.put(MESSAGE, null);
        context.put(ENROLLING, "true");
    }

    private StepOutcome send(StepContext context, UUID user, FormInput input, String channel) {
        PhoneChannels channels = channels(context);
        if (!channels.allows(channel)) {
            return StepOutcome.show(view(context, user).withPageError(PhoneChannels.SMS.equals(channel)
                    ? "This application verifies phones by call only." : "This application verifies phones by text"
                    + " message only."));
        }
        PhoneCodeLimits limits = this.limits.current();
        Target target;
        try {
            target = target(context, user, input, channel);
        } catch (PhoneNumber.InvalidPhoneNumberException e) {
            return StepOutcome.show(enrollView(context, limits, input.get("countryCode"), input.get(NUMBER))
                    .withFieldErrors(Map.of(NUMBER, e.getMessage())));
        }
        PhoneNumber number = target.number();
        boolean enrolling = target.enrolling();
        if (!limits.allows(number)) {
            events.refused(context, user, number, channel, "phone_country");
            return StepOutcome.show(countryRefused(context, user, limits, input, target));
        }
        CodePolicy policy = codes.current();
        Optional<PhoneCodeCaps.Refusal> refusal = journeyLimits(context, policy).or(() -> caps.take(
                context.tenant().id().toString(), context.clientIp(), number, enrolling, limits, context.now()));
        if (refusal.isPresent()) {
            events.refused(context, user, number, channel, refusal.get().limit());
            View page = target.typed() ? enrollView(context, limits, input.get("countryCode"), input.get(NUMBER))
                    : view(context, user);
            return StepOutcome.show(page.withPageError(refusal.get().message()));
        }
        OneTimeCode.Issued issued = policy.issue(context.now());
        UUID messageId = outbox.enqueue(message(context, number, channel, issued.plaintext(), policy));
        int sent = codesSent(context) + 1;
        context.put(NUMBER, number.e164());
        context.put(ENROLLING, enrolling ? "true" : null);
        context.put(CHANNEL, channel);
        context.put(CODE, issued.code().serialize());
        context.put(MESSAGE, messageId.toString());
        context.put(CODES_SENT, Integer.toString(sent));
        context.put(RESEND_AFTER, Long.toString(context.now().plus(limits.resendWaitAfter(sent)).toEpochMilli()));
        events.sent(context, user, number, channel);
        // The code was queued in this transaction: it cannot have failed yet.
        return StepOutcome.show(view(context, user, Optional::empty));
    }

    /** Where a code is to go: the journey's number, the account's, or one typed just now. */
    private record Target(PhoneNumber number, boolean enrolling, boolean typed) {
    }

    private Target target(StepContext context, UUID user, FormInput input, String channel) {
        Optional<String> current = context.get(NUMBER);
        if (current.isPresent()) {
            return new Target(PhoneNumber.ofE164(current.get()), context.get(ENROLLING).isPresent(), false);
        }
        List<PhoneMethod> verified = phoneMethods.verified(user);
        if (!verified.isEmpty() && context.get(ENROLLING).isEmpty()) {
            return new Target(verified.get(0).number(), false, false);
        }
        return new Target(PhoneNumber.parse(input.get("countryCode"), input.get(NUMBER),
                PhoneChannels.SMS.equals(channel)), true, true);
    }

    /** The journey's own limits: codes per journey, and the wait since its last code. */
    private Optional<PhoneCodeCaps.Refusal> journeyLimits(StepContext context, CodePolicy policy) {
        if (codesSent(context) >= policy.perJourney()) {
            return Optional.of(new PhoneCodeCaps.Refusal("phone_journey",
                    "You have asked for too many codes. Return to the application and start again later."));
        }
        Optional<Instant> resendAfter = resendAfter(context);
        if (resendAfter.isPresent() && deliveryProblem(context).isEmpty()) {
            return Optional.of(new PhoneCodeCaps.Refusal("phone_resend_backoff", "Please wait "
                    + PhoneCodeCaps.waitFor(resendAfter.get(), context.now()) + " before asking for another code."));
        }
        return Optional.empty();
    }

    /** When the journey may ask for its next code, while that is still ahead. */
    private static Optional<Instant> resendAfter(StepContext context) {
        return context.get(RESEND_AFTER).map(millis -> Instant.ofEpochMilli(Long.parseLong(millis)))
                .filter(after -> after.isAfter(context.now()));
    }

    /**
     * A number outside the tenant's countries: typed just now, it is refused next to the field;
     * attached to the account before its country left the list, it can no longer be used here.
     */
    private View countryRefused(StepContext context, UUID user, PhoneCodeLimits limits, FormInput input,
                                Target target) {
        String country = Regions.name(target.number().region());
        if (target.typed()) {
            return enrollView(context, limits, input.get("countryCode"), input.get(NUMBER)).withFieldErrors(Map.of(
                    NUMBER, "Codes cannot be sent to phone numbers in " + country + ". Please use a number from one"
                            + " of the countries or regions listed."));
        }
        return view(context, user).withPageError(target.enrolling()
                ? "Codes cannot be sent to phone numbers in " + country + ". Please change the number."
                : "Codes can no longer be sent to phone numbers in " + country + ". Please contact support to"
                + " change the phone number on your account.");
    }

    private StepOutcome verify(StepContext context, UUID user, String presented, Enrollment enrollment) {
        if (context.get(CODE).isEmpty()) {
            return StepOutcome.show(view(context, user).withPageError("Please send a code first."));
        }
        if (presented.isEmpty()) {
            return StepOutcome.show(view(context, user).withFieldErrors(
                    Map.of("verificationCode", "Please enter the verification code.")));
        }
        OneTimeCode code = OneTimeCode.parse(context.get(CODE).get());
        OneTimeCode.Attempt attempt = code.attempt(presented, context.now());
        PhoneNumber number = PhoneNumber.ofE164(context.get(NUMBER).orElseThrow());
        String channel = context.get(CHANNEL).orElse(PhoneChannels.SMS);
        if (!attempt.correct()) {
            context.put(CODE, attempt.after().serialize());
            events.failed(context, user, number, channel, attempt.check().name().toLowerCase(Locale.ROOT));
            return StepOutcome.show(view(context, user).withFieldErrors(Map.of("verificationCode", attempt.message())));
        }
        events.verified(context, user, number, channel);
        if (context.get(ENROLLING).isPresent()) {
            enrollment.proven(context, user, number);
        }
        context.prove(channel);
        context.put(CODE, null);
        context.put(RESEND_AFTER, null);
        return StepOutcome.completed();
    }

    /** Attaches a number just proven; attaching one the account already has records nothing. */
    private void enroll(StepContext context, UUID user, PhoneNumber number) {
        boolean known = phoneMethods.verified(user).stream().anyMatch(m -> m.number().equals(number));
        PhoneMethod method = phoneMethods.attach(user, number);
        enrollments.verified(number);
        if (!known) {
            events.enrolled(context, user, number, method.id());
        }
    }

    private Optional<String> deliveryProblem(StepContext context) {
        return context.get(MESSAGE).flatMap(id -> outbox.state(UUID.fromString(id)))
                .filter(state -> state == DeliveryState.FAILED)
                .map(state -> channels(context).call && channels(context).sms
                        ? "We couldn't send a code — try again or use Call me."
                        : "We couldn't send a code — please try again.");
    }

    /**
     * The page a request for the step shows: {@link #view}, with a failed delivery of the last code
     * as its error (the delivery state read once).
     */
    View page(StepContext context, UUID user) {
        Optional<String> problem = deliveryProblem(context);
        View view = view(context, user, () -> problem);
        return problem.map(view::withPageError).orElse(view);
    }

    /** The page for where the step stands: the code form, the account's number, or the enrollment form. */
    View view(StepContext context, UUID user) {
        return view(context, user, () -> deliveryProblem(context));
    }

    private View view(StepContext context, UUID user, Supplier<Optional<String>> deliveryProblem) {
        PhoneChannels channels = channels(context);
        Optional<String> number = context.get(NUMBER);
        if (context.get(CODE).isPresent() && number.isPresent()) {
            return base(channels, "code").with("masked", PhoneNumber.ofE164(number.get()).masked())
                    .with("channel", context.get(CHANNEL).orElse(PhoneChannels.SMS))
                    .with("canChangeNumber", context.get(ENROLLING).isPresent())
                    .with("resendWait", resendAfter(context).filter(after -> deliveryProblem.get().isEmpty())
                            .map(after -> PhoneCodeCaps.waitFor(after, context.now())).orElse(null));
        }
        List<PhoneMethod> verified = phoneMethods.verified(user);
        if (!verified.isEmpty() && context.get(ENROLLING).isEmpty()) {
            return base(channels, "verify").with("masked", verified.get(0).number().masked());
        }
        return enrollView(context, limits.current(), "", "");
    }

    /** The enrollment form, offering only the tenant's countries (the chosen one kept, else US or the first). */
    private View enrollView(StepContext context, PhoneCodeLimits limits, String countryCode, String number) {
        List<Regions.Region> countries = Regions.only(limits.allowedCountries());
        String chosen = countries.stream().map(Regions.Region::code).filter(code -> code.equals(countryCode))
                .findFirst().orElse(limits.allowedCountries().contains("US") ? "US"
                        : countries.isEmpty() ? "" : countries.get(0).code());
        return base(channels(context), "enroll").with("countries", countries).with("countryCode", chosen)
                .with(NUMBER, number.length() > 32 ? "" : number);
    }

    private static View base(PhoneChannels channels, String mode) {
        return View.of("mfa/phone").with("mode", mode).with("allowSms", channels.sms).with("allowCall", channels.call);
    }

    private static PhoneChannels channels(StepContext context) {
        return context.secondFactorMethod().flatMap(PhoneChannels::of).orElse(PhoneChannels.SMS_OR_CALL);
    }

    private Message message(StepContext context, PhoneNumber number, String channel, String code, CodePolicy policy) {
        String organisation = context.tenant().displayName();
        if (PhoneChannels.CALL.equals(channel)) {
            return new Message(ChannelType.VOICE, number.e164(), null,
                    "Your " + organisation + " verification code is " + String.join(" ", code.split("")) + ".",
                    "mfa-phone", code);
        }
        return new Message(ChannelType.SMS, number.e164(), null, organisation + ": your verification code is " + code
                + ". It expires in " + policy.lifetime().toMinutes() + " minutes.", "mfa-phone", code);
    }

    private static int codesSent(StepContext context) {
        return context.get(CODES_SENT).map(Integer::parseInt).orElse(0);
    }
}

package dev.foyer.mfa.phone;

import dev.foyer.audit.AuditActor;
import dev.foyer.audit.AuditEvent;
import dev.foyer.audit.AuditLog;
import dev.foyer.audit.AuditRecord;
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
import dev.foyer.security.RateLimits;
import dev.foyer.tenant.TenantSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The phone step: enroll a number (country/region + number, then a code by SMS or call) or verify
 * the one attached to the account (masked), then record {@code sms} or {@code tel} as proven.
 * Satisfied without a page when the browser's session already holds a second factor that still
 * counts for the flow (step-up asks only for what is missing). The account exists before this
 * step runs; cancelling leaves it without a phone, so the next MFA run asks again.
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

    private final PhoneMethods phoneMethods;
    private final Outbox outbox;
    private final RateLimits rateLimits;
    private final PhoneCodeLimits defaultLimits;
    private final TenantSettings settings;
    private final CodePolicies codes;
    private final AuditLog audit;

    PhoneFactorStep(PhoneMethods phoneMethods, Outbox outbox, RateLimits rateLimits, PhoneCodeLimits defaultLimits,
                    TenantSettings settings, CodePolicies codes, AuditLog audit) {
        this.phoneMethods = phoneMethods;
        this.outbox = outbox;
        this.rateLimits = rateLimits;
        this.defaultLimits = defaultLimits;
        this.settings = settings;
        this.codes = codes;
        this.audit = audit;
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
        View view = view(context, user);
        return StepOutcome.show(deliveryProblem(context).map(view::withPageError).orElse(view));
    }

    @Override
    public StepOutcome submit(StepContext context, FormInput input) {
        UUID user = context.subject().orElseThrow(() -> new IllegalStateException("Phone step before sign-in"));
        String action = input.action() == null ? "" : input.action();
        return switch (action) {
            case "sendCode" -> send(context, user, input, PhoneChannels.SMS);
            case "callMe" -> send(context, user, input, PhoneChannels.CALL);
            case "verifyCode" -> verify(context, user, input.get("verificationCode"));
            case "changeNumber" -> {
                context.put(CODE, null);
                context.put(NUMBER, null);
                context.put(MESSAGE, null);
                context.put(ENROLLING, "true");
                yield StepOutcome.show(view(context, user));
            }
            default -> StepOutcome.show(view(context, user).withPageError("Please choose Send code or Call me."));
        };
    }

    private StepOutcome send(StepContext context, UUID user, FormInput input, String channel) {
        PhoneChannels channels = channels(context);
        if (!channels.allows(channel)) {
            return StepOutcome.show(view(context, user).withPageError(PhoneChannels.SMS.equals(channel)
                    ? "This application verifies phones by call only." : "This application verifies phones by text"
                    + " message only."));
        }
        PhoneNumber number;
        boolean enrolling;
        Optional<String> current = context.get(NUMBER);
        List<PhoneMethod> verified = phoneMethods.verified(user);
        if (current.isPresent()) {
            number = PhoneNumber.ofE164(current.get());
            enrolling = context.get(ENROLLING).isPresent();
        } else if (!verified.isEmpty() && context.get(ENROLLING).isEmpty()) {
            number = verified.get(0).number();
            enrolling = false;
        } else {
            try {
                number = PhoneNumber.parse(input.get("countryCode"), input.get(NUMBER), PhoneChannels.SMS.equals(channel));
            } catch (PhoneNumber.InvalidPhoneNumberException e) {
                return StepOutcome.show(enrollView(context, input.get("countryCode"), input.get(NUMBER))
                        .withFieldErrors(Map.of(NUMBER, e.getMessage())));
            }
            enrolling = true;
        }
        CodePolicy policy = codes.current();
        Optional<String> refusal = checkLimits(context, number, policy);
        if (refusal.isPresent()) {
            return StepOutcome.show(view(context, user).withPageError(refusal.get()));
        }
        OneTimeCode.Issued issued = policy.issue(context.now());
        UUID messageId = outbox.enqueue(message(context, number, channel, issued.plaintext(), policy));
        context.put(NUMBER, number.e164());
        context.put(ENROLLING, enrolling ? "true" : null);
        context.put(CHANNEL, channel);
        context.put(CODE, issued.code().serialize());
        context.put(MESSAGE, messageId.toString());
        context.put(CODES_SENT, Integer.toString(codesSent(context) + 1));
        record(context, AuditEvent.MFA_CODE_SENT, user, number, Map.of("channel", channel));
        return StepOutcome.show(view(context, user));
    }

    private Optional<String> checkLimits(StepContext context, PhoneNumber number, CodePolicy policy) {
        PhoneCodeLimits limits = settings.find(PhoneCodeLimits.SETTING, PhoneCodeLimits.class).orElse(defaultLimits);
        if (codesSent(context) >= policy.perJourney()) {
            return Optional.of("You have asked for too many codes. Return to the application and start again later.");
        }
        String tenant = context.tenant().id().toString();
        RateLimits.Decision ip = rateLimits.hit("phone-ip:" + tenant + ":" + context.clientIp(), limits.perIpPerHour(),
                PhoneCodeLimits.HOUR);
        if (!ip.allowed()) {
            return Optional.of("Too many codes were requested from your network. Try again in "
                    + minutesUntil(ip.retryAfter(), context.now()) + ".");
        }
        RateLimits.Decision perNumber = rateLimits.hit("phone-number:" + tenant + ":" + number.e164(),
                limits.perNumberPerHour(), PhoneCodeLimits.HOUR);
        if (!perNumber.allowed()) {
            return Optional.of("Too many codes were sent to this number. Try again in "
                    + minutesUntil(perNumber.retryAfter(), context.now()) + ".");
        }
        return Optional.empty();
    }

    private StepOutcome verify(StepContext context, UUID user, String presented) {
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
            record(context, AuditEvent.MFA_CODE_FAILED, user, number, Map.of("channel", channel,
                    "reason", attempt.check().name().toLowerCase(Locale.ROOT)));
            return StepOutcome.show(view(context, user).withFieldErrors(Map.of("verificationCode", attempt.message())));
        }
        record(context, AuditEvent.MFA_CODE_VERIFIED, user, number, Map.of("channel", channel));
        if (context.get(ENROLLING).isPresent()) {
            enroll(context, user, number);
        }
        context.prove(channel);
        context.put(CODE, null);
        return StepOutcome.completed();
    }

    /** Attaches a number just proven; attaching one the account already has records nothing. */
    private void enroll(StepContext context, UUID user, PhoneNumber number) {
        boolean known = phoneMethods.verified(user).stream().anyMatch(m -> m.number().equals(number));
        PhoneMethod method = phoneMethods.attach(user, number);
        if (!known) {
            record(context, AuditEvent.MFA_ENROLLED, user, number, Map.of("methodId", method.id()));
        }
    }

    /** Records an event of this step: the number only masked, never the code. */
    private void record(StepContext context, String type, UUID user, PhoneNumber number, Map<String, Object> details) {
        Map<String, Object> all = new LinkedHashMap<>(details);
        if (!context.clientIp().isEmpty()) {
            all.put("ip", context.clientIp());
        }
        audit.record(new AuditRecord(type, AuditActor.user(user), user, number.masked(), all));
    }

    private Optional<String> deliveryProblem(StepContext context) {
        return context.get(MESSAGE).flatMap(id -> outbox.state(UUID.fromString(id)))
                .filter(state -> state == DeliveryState.FAILED)
                .map(state -> channels(context).call && channels(context).sms
                        ? "We couldn't send a code — try again or use Call me."
                        : "We couldn't send a code — please try again.");
    }

    private View view(StepContext context, UUID user) {
        PhoneChannels channels = channels(context);
        Optional<String> number = context.get(NUMBER);
        if (context.get(CODE).isPresent() && number.isPresent()) {
            return base(channels, "code").with("masked", PhoneNumber.ofE164(number.get()).masked())
                    .with("channel", context.get(CHANNEL).orElse(PhoneChannels.SMS))
                    .with("canChangeNumber", context.get(ENROLLING).isPresent());
        }
        List<PhoneMethod> verified = phoneMethods.verified(user);
        if (!verified.isEmpty() && context.get(ENROLLING).isEmpty()) {
            return base(channels, "verify").with("masked", verified.get(0).number().masked());
        }
        return enrollView(context, "US", "");
    }

    private View enrollView(StepContext context, String countryCode, String number) {
        return base(channels(context), "enroll").with("countries", Regions.ALL)
                .with("countryCode", countryCode.isEmpty() ? "US" : countryCode)
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

    private static String minutesUntil(Instant until, Instant now) {
        long minutes = Math.max(1, (Duration.between(now, until).toSeconds() + 59) / 60);
        return minutes == 1 ? "1 minute" : minutes + " minutes";
    }
}

package dev.foyer.lockout;

import dev.foyer.audit.AuditActor;
import dev.foyer.audit.AuditEvent;
import dev.foyer.audit.AuditLog;
import dev.foyer.audit.AuditRecord;
import dev.foyer.directory.EmailAddress;
import dev.foyer.directory.Identity;
import dev.foyer.directory.User;
import dev.foyer.directory.UserRepository;
import dev.foyer.security.RateLimits;
import dev.foyer.tenant.TenantContext;
import dev.foyer.tenant.TenantSettings;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Smart lockout and the per-address throttle of password sign-in, for the current tenant. The
 * sign-in step asks {@link #refusal} before it checks a password and reports the outcome with
 * {@link #wrongPassword} or {@link #succeeded}. State is keyed by the sign-in name as typed
 * (normalised), never by account, so an unknown address locks and answers exactly like a real one.
 */
@Service
@EnableConfigurationProperties(LockoutSettings.class)
public class SignInLockout {

    public static final String LOCKED =
            "Your account is temporarily locked to prevent unauthorized use. Try again later.";
    static final String SIGN_IN_IP_LIMIT = "sign_in_ip";

    private final LockoutStore store;
    private final RateLimits rateLimits;
    private final TenantSettings tenantSettings;
    private final LockoutSettings defaults;
    private final UserRepository users;
    private final AuditLog audit;
    private final MeterRegistry meters;
    private final Clock clock;
    private final Duration forgetAfter;

    SignInLockout(LockoutStore store, RateLimits rateLimits, TenantSettings tenantSettings, LockoutSettings defaults,
                  UserRepository users, AuditLog audit, MeterRegistry meters, Clock clock,
                  @Value("${foyer.sign-in.forget-after:PT24H}") Duration forgetAfter) {
        if (!defaults.violations().isEmpty()) {
            throw new IllegalStateException("Invalid foyer.sign-in settings: " + defaults.violations());
        }
        this.store = store;
        this.rateLimits = rateLimits;
        this.tenantSettings = tenantSettings;
        this.defaults = defaults;
        this.users = users;
        this.audit = audit;
        this.meters = meters;
        this.clock = clock;
        this.forgetAfter = forgetAfter;
    }

    /** The rules in force for the current tenant: its setting {@code signInLockout}, else the server's. */
    public LockoutSettings settings() {
        return tenantSettings.find(LockoutSettings.SETTING, LockoutSettings.class).orElse(defaults);
    }

    /** The server-wide rules, {@code foyer.sign-in.*}. */
    public LockoutSettings defaults() {
        return defaults;
    }

    /**
     * Why a password sign-in as {@code name} from {@code clientIp} must be refused without checking
     * the password: too many failures from that address, or the name is locked. Each refusal is
     * recorded ({@code signIn.throttled}, {@code signIn.refusedLocked}) in the caller's transaction.
     */
    public Optional<String> refusal(EmailAddress name, String clientIp) {
        Instant now = now();
        LockoutSettings settings = settings();
        RateLimits.Decision network = rateLimits.check(ipBucket(clientIp), settings.failuresPerIp(),
                settings.ipWindow());
        if (!network.allowed()) {
            count("throttled");
            Counter.builder("foyer.rate_limit.refusals").description("Requests refused by a rate limit, by limit")
                    .tag("limit", SIGN_IN_IP_LIMIT).register(meters).increment();
            record(AuditEvent.SIGN_IN_THROTTLED, AuditActor.ANONYMOUS, null, name, clientIp,
                    Map.of("until", network.retryAfter().toString()));
            return Optional.of("Too many failed sign-ins from your network. Try again in "
                    + minutesUntil(network.retryAfter(), now) + ".");
        }
        Optional<Instant> lockedUntil = Optional.ofNullable(store.locked(List.of(name.value()), now).get(name.value()));
        if (lockedUntil.isPresent()) {
            count("locked_out");
            record(AuditEvent.SIGN_IN_REFUSED_LOCKED, AuditActor.ANONYMOUS, null, name, clientIp,
                    Map.of("until", lockedUntil.get().toString()));
            return Optional.of(LOCKED);
        }
        return Optional.empty();
    }

    /**
     * Counts a failed password sign-in as {@code name} (wrong password, unknown name or disabled
     * account alike), unless it repeats one of the last wrong passwords for that name. A lockout
     * that begins is recorded as {@code signIn.lockedOut}, about the account if one uses the name.
     * Everything is written in the caller's transaction, with the answer the caller gives.
     *
     * @return whether the name is now locked
     */
    public boolean wrongPassword(EmailAddress name, CharSequence password, String clientIp) {
        Instant now = now();
        LockoutSettings settings = settings();
        count("wrong_credentials");
        LockoutState.Failure failure = store.recordWrongPassword(name.value(), password, now, settings, forgetAfter);
        if (failure.effect() != LockoutState.Effect.REPEATED) {
            rateLimits.take(ipBucket(clientIp), settings.failuresPerIp(), settings.ipWindow());
        }
        if (failure.effect() == LockoutState.Effect.LOCKED) {
            Counter.builder("foyer.lockouts").description("Sign-in names that entered a lockout")
                    .register(meters).increment();
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("until", failure.after().lockedUntil().toString());
            details.put("lockout", failure.after().lockouts());
            record(AuditEvent.SIGN_IN_LOCKED_OUT, AuditActor.ANONYMOUS,
                    users.findByEmail(name).map(User::objectId).orElse(null), name, clientIp, details);
        }
        return failure.after().lockedAt(now);
    }

    /** A successful password sign-in as {@code name}: its count starts over. */
    public void succeeded(EmailAddress name) {
        count("success");
        store.clear(List.of(name.value()));
    }

    /**
     * Ends any lockout of {@code name} and forgets its failures, e.g. after the user proved their
     * email and set a new password. Records nothing; the caller records what it did.
     */
    public void reset(EmailAddress name) {
        store.clear(List.of(name.value()));
    }

    /**
     * Ends any lockout of {@code user}'s sign-in names and forgets their failures, recording
     * {@code signIn.unlocked} by {@code actor} (e.g. {@code admin:<objectId>}).
     *
     * @return whether the user was locked
     */
    public boolean unlock(User user, String actor) {
        List<String> names = signInNames(user);
        boolean wasLocked = !store.locked(names, now()).isEmpty();
        store.clear(names);
        audit.record(new AuditRecord(AuditEvent.SIGN_IN_UNLOCKED, actor, user.objectId(), user.email().orElse(null),
                Map.of("wasLocked", wasLocked)));
        return wasLocked;
    }

    /** Until when {@code name} is locked; empty when it is not. */
    public Optional<Instant> lockedUntil(EmailAddress name) {
        return Optional.ofNullable(store.locked(List.of(name.value()), now()).get(name.value()));
    }

    /** Until when one of {@code user}'s sign-in names is locked; empty when none is. */
    public Optional<Instant> lockedUntil(User user) {
        return store.locked(signInNames(user), now()).values().stream().max(Instant::compareTo);
    }

    /** Of {@code users}, those locked, with the end of their lockout (one query for them all). */
    public Map<UUID, Instant> lockedUntil(List<User> users) {
        Map<String, UUID> owners = new LinkedHashMap<>();
        users.forEach(user -> signInNames(user).forEach(name -> owners.put(name, user.objectId())));
        Map<UUID, Instant> locked = new LinkedHashMap<>();
        store.locked(owners.keySet(), now()).forEach((name, until) -> locked.merge(owners.get(name), until,
                (a, b) -> a.isAfter(b) ? a : b));
        return locked;
    }

    @Scheduled(fixedDelayString = "${foyer.sign-in.cleanup-interval:PT10M}")
    void forgetOldFailures() {
        Instant now = now();
        store.deleteForgotten(now.minus(forgetAfter), now);
    }

    private static List<String> signInNames(User user) {
        return user.identities().stream().filter(Identity::isEmailAddress).map(Identity::issuerAssignedId).toList();
    }

    private static String ipBucket(String clientIp) {
        return "sign-in-ip:" + TenantContext.currentId() + ":" + clientIp;
    }

    private void count(String outcome) {
        Counter.builder("foyer.sign_ins").description("Password sign-ins, by outcome").tag("outcome", outcome)
                .register(meters).increment();
    }

    private void record(String type, String actor, UUID subject, EmailAddress name, String clientIp,
                        Map<String, Object> details) {
        Map<String, Object> all = new LinkedHashMap<>(details);
        if (clientIp != null && !clientIp.isEmpty()) {
            all.put("ip", clientIp);
        }
        audit.record(new AuditRecord(type, actor, subject, name.value(), all));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static String minutesUntil(Instant until, Instant now) {
        long minutes = Math.max(1, (Duration.between(now, until).toSeconds() + 59) / 60);
        return minutes == 1 ? "1 minute" : minutes + " minutes";
    }
}

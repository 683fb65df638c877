package dev.foyer.mfa.phone;

import dev.foyer.security.RateLimits;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The caps on phone codes shared by every journey and node, checked in the journey step's
 * transaction: per number (hour, day), per client address (hour, and distinct unverified numbers
 * while enrolling), per tenant (hour, day). Narrow caps come first, so a request one of them
 * refuses does not use up the tenant's allowance. The address's hourly bucket stays locked until
 * the step commits, which also makes the unverified-number count of one address exact.
 */
@Component
class PhoneCodeCaps {

    private final RateLimits rateLimits;
    private final EnrollmentAttempts enrollments;

    PhoneCodeCaps(RateLimits rateLimits, EnrollmentAttempts enrollments) {
        this.rateLimits = rateLimits;
        this.enrollments = enrollments;
    }

    /** Why a code is not sent: the limit's name (as in metrics) and what the person reads. */
    record Refusal(String limit, String message) {
    }

    /** Takes one unit of each cap for a code to {@code number}, or says which cap refuses it. */
    Optional<Refusal> take(String tenant, String clientIp, PhoneNumber number, boolean enrolling,
                           PhoneCodeLimits limits, Instant now) {
        String toNumber = "Too many codes were sent to this number. Try again in ";
        String fromNetwork = "Too many codes were requested from your network. Try again in ";
        String forService = "Too many codes were requested. Try again in ";
        Optional<Refusal> refusal = hit("phone_number", "phone-number:" + tenant + ":" + number.e164(),
                limits.perNumberPerHour(), PhoneCodeLimits.HOUR, toNumber, now)
                .or(() -> hit("phone_number_day", "phone-number-day:" + tenant + ":" + number.e164(),
                        limits.perNumberPerDay(), PhoneCodeLimits.DAY, toNumber, now))
                .or(() -> hit("phone_ip", "phone-ip:" + tenant + ":" + clientIp,
                        limits.perIpPerHour(), PhoneCodeLimits.HOUR, fromNetwork, now));
        if (refusal.isEmpty() && enrolling) {
            RateLimits.Decision unverified = enrollments.admit(clientIp, number, limits.unverifiedNumbersPerIpPerDay());
            if (!unverified.allowed()) {
                refusal = Optional.of(new Refusal("phone_ip_unverified", "Codes were sent to too many new numbers"
                        + " from your network. Verify one of them, or try again in "
                        + waitFor(unverified.retryAfter(), now) + "."));
            }
        }
        return refusal
                .or(() -> hit("phone_tenant_hour", "phone-tenant-hour:" + tenant,
                        limits.perTenantPerHour(), PhoneCodeLimits.HOUR, forService, now))
                .or(() -> hit("phone_tenant_day", "phone-tenant-day:" + tenant,
                        limits.perTenantPerDay(), PhoneCodeLimits.DAY, forService, now));
    }

    private Optional<Refusal> hit(String limit, String bucket, int cap, Duration window, String message, Instant now) {
        RateLimits.Decision decision = rateLimits.take(bucket, cap, window);
        return decision.allowed() ? Optional.empty()
                : Optional.of(new Refusal(limit, message + waitFor(decision.retryAfter(), now) + "."));
    }

    /** "45 seconds", "12 minutes", "3 hours": rounded up, so never too early. */
    static String waitFor(Instant until, Instant now) {
        long seconds = Math.max(1, (Duration.between(now, until).toMillis() + 999) / 1000);
        if (seconds <= 120) {
            return seconds == 1 ? "1 second" : seconds + " seconds";
        }
        long minutes = (seconds + 59) / 60;
        return minutes <= 120 ? minutes + " minutes" : (minutes + 59) / 60 + " hours";
    }
}

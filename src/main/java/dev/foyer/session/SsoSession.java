package dev.foyer.session;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What one browser has proven in one tenant: who, which factors and when.
 *
 * @param id the raw session id; it exists only in the browser's cookie and in memory
 */
public record SsoSession(String id, UUID objectId, List<AuthenticationFactor> factors, Instant createdAt,
                         Instant expiresAt) {

    public SsoSession {
        factors = List.copyOf(factors);
    }

    /** The latest time {@code method} was proven, if it was. */
    public Optional<Instant> lastProven(String method) {
        return factors.stream().filter(f -> f.method().equals(method)).map(AuthenticationFactor::at)
                .max(Comparator.naturalOrder());
    }

    /** Whether {@code method} was proven no longer than {@code maxAge} ago (null: any time). */
    public boolean hasFactor(String method, Duration maxAge, Instant now) {
        return lastProven(method).filter(at -> maxAge == null || !at.plus(maxAge).isBefore(now)).isPresent();
    }

    /**
     * Whether a first factor (the password, a password reset by email, or an upstream sign-in) was proven no longer than
     * {@code maxAge} ago (null: any time).
     */
    public boolean hasFirstFactor(Duration maxAge, Instant now) {
        return factors.stream().filter(AuthenticationFactor::isFirstFactor)
                .anyMatch(f -> maxAge == null || !f.at().plus(maxAge).isBefore(now));
    }

    /** Whether any second factor was proven within {@code maxAge} (null: any time). */
    public boolean hasSecondFactor(Duration maxAge, Instant now) {
        return factors.stream().filter(AuthenticationFactor::isSecondFactor)
                .anyMatch(f -> maxAge == null || !f.at().plus(maxAge).isBefore(now));
    }

    /**
     * The upstream issuer of the latest first factor when that was a sign-in at an identity
     * provider; empty when it was the local password (or email): what the {@code idp} claim names.
     */
    public static Optional<String> identityProvider(List<AuthenticationFactor> factors) {
        return factors.stream().filter(AuthenticationFactor::isFirstFactor)
                // A password and an upstream sign-in proven together (linking) name the provider.
                .max(Comparator.comparing(AuthenticationFactor::at)
                        .thenComparing(f -> AuthenticationFactor.FEDERATED.equals(f.method())))
                .filter(f -> AuthenticationFactor.FEDERATED.equals(f.method()))
                .map(AuthenticationFactor::idp);
    }

    /** This session as a flow sees it: only factors proven at or after {@code cutoff} count. */
    public SsoSession withFactorsProvenSince(Instant cutoff) {
        return new SsoSession(id, objectId, factors.stream().filter(f -> !f.at().isBefore(cutoff)).toList(),
                createdAt, expiresAt);
    }

    /**
     * OpenID Connect's {@code auth_time}: when the user last proved their first factor (the
     * password, or the email of a password reset); a second factor added later (step-up) does not move it.
     */
    public static Instant authTime(List<AuthenticationFactor> factors) {
        return factors.stream().filter(f -> !f.isSecondFactor()).map(AuthenticationFactor::at)
                .max(Comparator.naturalOrder())
                .or(() -> factors.stream().map(AuthenticationFactor::at).min(Comparator.naturalOrder()))
                .orElse(null);
    }

    /** The factors with {@code added} merged in, keeping only the latest proof of each method. */
    public static List<AuthenticationFactor> merge(List<AuthenticationFactor> existing,
                                                   List<AuthenticationFactor> added) {
        List<AuthenticationFactor> all = new ArrayList<>(existing);
        all.addAll(added);
        List<AuthenticationFactor> latest = new ArrayList<>();
        all.stream().sorted(Comparator.comparing(AuthenticationFactor::at).reversed()).forEach(f -> {
            if (latest.stream().noneMatch(l -> l.method().equals(f.method()))) {
                latest.add(f);
            }
        });
        latest.sort(Comparator.comparing(AuthenticationFactor::at));
        return latest;
    }
}

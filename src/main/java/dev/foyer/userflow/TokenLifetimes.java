package dev.foyer.userflow;

import java.time.Duration;

/**
 * Token lifetimes of a flow, with B2C's defaults and bounds.
 *
 * @param accessAndIdToken     5 minutes to 24 hours; default 60 minutes
 * @param refreshToken         1 to 90 days; default 14 days
 * @param refreshSlidingWindow 1 to 365 days, or {@code null} for unbounded; default 90 days
 */
public record TokenLifetimes(Duration accessAndIdToken, Duration refreshToken, Duration refreshSlidingWindow) {

    /** The longest an access or ID token may live, in any flow (before DEFAULTS, which checks it). */
    public static final Duration LONGEST_ACCESS_AND_ID_TOKEN = Duration.ofHours(24);

    public static final TokenLifetimes DEFAULTS =
            new TokenLifetimes(Duration.ofMinutes(60), Duration.ofDays(14), Duration.ofDays(90));

    public static final Duration AUTHORIZATION_CODE = Duration.ofMinutes(10);

    public TokenLifetimes {
        requireBetween("accessAndIdToken", accessAndIdToken, Duration.ofMinutes(5), LONGEST_ACCESS_AND_ID_TOKEN);
        requireBetween("refreshToken", refreshToken, Duration.ofDays(1), Duration.ofDays(90));
        if (refreshSlidingWindow != null) {
            requireBetween("refreshSlidingWindow", refreshSlidingWindow, Duration.ofDays(1), Duration.ofDays(365));
        }
    }

    private static void requireBetween(String name, Duration value, Duration min, Duration max) {
        if (value == null || value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw new IllegalArgumentException(name + " must be between " + min + " and " + max);
        }
    }
}

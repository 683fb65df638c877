package dev.foyer.mfa.phone;

import dev.foyer.security.RateLimits;

/**
 * Port: the numbers a client address had codes sent to while enrolling them, in the current
 * tenant. A number counts against the address for 24 hours unless someone verifies it, so one
 * client cannot cycle through many numbers it never answers for (SMS pumping).
 */
interface EnrollmentAttempts {

    /** How long an unverified number counts against the address that enrolled it. */
    java.time.Duration LOOK_BACK = java.time.Duration.ofHours(24);

    /**
     * Counts {@code number} against {@code clientIp}, unless it already counts (or was verified):
     * refused when the address already has {@code cap} unverified numbers. In the caller's
     * transaction; callers serialize attempts of one address (see the phone step's caps).
     */
    RateLimits.Decision admit(String clientIp, PhoneNumber number, int cap);

    /** The number was proven: it no longer counts against any address. */
    void verified(PhoneNumber number);
}

package dev.foyer.lockout;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How hard sign-in pushes back on wrong passwords (PRODUCT.md "Defaults that protect users"):
 * server-wide defaults under {@code foyer.sign-in.*}, overridden per tenant by its setting
 * {@code signInLockout}.
 *
 * @param threshold         counted wrong passwords for one sign-in name before it is locked (10)
 * @param lockoutSeconds    the first lockout (60); each further one doubles
 * @param maxLockoutSeconds the longest lockout (4 hours)
 * @param failuresPerIp     failed sign-ins from one client address in a window, across all names,
 *                          before that address is refused without checking passwords (30)
 * @param ipWindowSeconds   that window (10 minutes)
 */
@ConfigurationProperties("foyer.sign-in")
public record LockoutSettings(Integer threshold, Integer lockoutSeconds, Integer maxLockoutSeconds,
                              Integer failuresPerIp, Integer ipWindowSeconds) {

    public static final String SETTING = "signInLockout";
    static final int MAX_THRESHOLD = 1000;
    static final int MAX_SECONDS = 86_400;
    static final int MIN_IP_WINDOW_SECONDS = 60;
    static final int MAX_FAILURES_PER_IP = 100_000;

    public LockoutSettings {
        threshold = threshold == null ? 10 : threshold;
        lockoutSeconds = lockoutSeconds == null ? 60 : lockoutSeconds;
        maxLockoutSeconds = maxLockoutSeconds == null ? 4 * 3600 : maxLockoutSeconds;
        failuresPerIp = failuresPerIp == null ? 30 : failuresPerIp;
        ipWindowSeconds = ipWindowSeconds == null ? 600 : ipWindowSeconds;
    }

    /** The length of the {@code n}th lockout in a row (1-based): the first, doubled each time, capped. */
    Duration lockout(int n) {
        long seconds = lockoutSeconds;
        for (int i = 1; i < n && seconds < maxLockoutSeconds; i++) {
            seconds *= 2;
        }
        return Duration.ofSeconds(Math.min(seconds, maxLockoutSeconds));
    }

    Duration ipWindow() {
        return Duration.ofSeconds(ipWindowSeconds);
    }

    /** What is wrong with these values, by field; empty when they can be used. */
    public Map<String, String> violations() {
        Map<String, String> errors = new LinkedHashMap<>();
        if (threshold < 1 || threshold > MAX_THRESHOLD) {
            errors.put("threshold", "The threshold is between 1 and " + MAX_THRESHOLD + " wrong passwords.");
        }
        if (lockoutSeconds < 1 || lockoutSeconds > MAX_SECONDS) {
            errors.put("lockoutSeconds", "The lockout is between 1 and " + MAX_SECONDS + " seconds.");
        }
        if (maxLockoutSeconds < lockoutSeconds || maxLockoutSeconds > MAX_SECONDS) {
            errors.put("maxLockoutSeconds", "The longest lockout is between lockoutSeconds and " + MAX_SECONDS
                    + " seconds.");
        }
        if (failuresPerIp < 1 || failuresPerIp > MAX_FAILURES_PER_IP) {
            errors.put("failuresPerIp", "The failed sign-ins per address are between 1 and " + MAX_FAILURES_PER_IP
                    + ".");
        }
        if (ipWindowSeconds < MIN_IP_WINDOW_SECONDS || ipWindowSeconds > MAX_SECONDS) {
            errors.put("ipWindowSeconds", "The window is between " + MIN_IP_WINDOW_SECONDS + " and " + MAX_SECONDS
                    + " seconds.");
        }
        return errors;
    }
}

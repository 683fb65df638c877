package dev.foyer.messaging;

/**
 * A channel could not deliver a message. The message (never the body, the code or the full
 * recipient) is stored as the row's last error, so keep it short and free of personal data.
 * Failures are transient unless made with {@link #permanent}: those the provider will refuse
 * again however often it is asked (a malformed number, a rejected sender), so they are not retried.
 */
public class DeliveryException extends Exception {

    private final boolean permanent;

    /** A transient failure: the dispatcher tries again after the next backoff. */
    public DeliveryException(String message) {
        this(message, null, false);
    }

    /** A transient failure: the dispatcher tries again after the next backoff. */
    public DeliveryException(String message, Throwable cause) {
        this(message, cause, false);
    }

    private DeliveryException(String message, Throwable cause, boolean permanent) {
        super(message, cause);
        this.permanent = permanent;
    }

    /** A failure that retrying cannot fix: the dispatcher marks the message FAILED at once. */
    public static DeliveryException permanent(String message) {
        return new DeliveryException(message, null, true);
    }

    public boolean isPermanent() {
        return permanent;
    }
}

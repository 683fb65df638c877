package dev.foyer.messaging;

/**
 * A channel could not deliver a message. The message (never the body or recipient) is stored as
 * the row's last error, so keep it short and free of personal data.
 */
public class DeliveryException extends Exception {

    public DeliveryException(String message) {
        super(message);
    }

    public DeliveryException(String message, Throwable cause) {
        super(message, cause);
    }
}

package dev.foyer.secrets;

/**
 * A secret that cannot be sealed or opened with the keys this node has. Each carries what an
 * operator should do about it, which the start-up failure report prints. Messages name key ids and
 * rows, never key material or secrets.
 */
public abstract class SecretsException extends RuntimeException {

    private final String action;

    SecretsException(String message, String action) {
        super(message);
        this.action = action;
    }

    /** What to do about it, in a sentence for an operator. */
    public String action() {
        return action;
    }
}

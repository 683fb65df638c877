package dev.foyer.directory;

/** Sign-up with an identity that already belongs to a user of the tenant. */
public class AccountExistsException extends RuntimeException {

    public AccountExistsException() {
        super("A user with the specified ID already exists. Please choose a different one.");
    }

    public AccountExistsException(Throwable cause) {
        super("A user with the specified ID already exists. Please choose a different one.", cause);
    }
}

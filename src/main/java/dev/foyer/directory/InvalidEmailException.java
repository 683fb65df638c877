package dev.foyer.directory;

/** An email address that cannot be used; the message can be shown to the person who typed it. */
public class InvalidEmailException extends IllegalArgumentException {

    public InvalidEmailException(String message) {
        super(message);
    }
}

package dev.foyer.admin.manage;

/** The change collides with what exists (a name taken, a newer version); nothing was changed. */
public class ConflictException extends RuntimeException {
    public ConflictException(String message) {
        super(message);
    }
}

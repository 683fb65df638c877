package dev.foyer.directory;

/** Port: one-way password hashing. Encoded hashes carry their own parameters. */
public interface PasswordHasher {

    String hash(CharSequence password);

    boolean matches(CharSequence password, String hash);

    /** True when {@code hash} was made with weaker parameters than this hasher now uses. */
    boolean needsRehash(String hash);

    /**
     * A hash with this hasher's current parameters that no password matches: checking a password
     * against it costs what checking against a real hash costs, so an unknown account answers in a
     * check's time. Made without hashing anything.
     */
    String decoyHash();
}

package dev.foyer.directory;

/** Port: one-way password hashing. Encoded hashes carry their own parameters. */
public interface PasswordHasher {

    String hash(CharSequence password);

    boolean matches(CharSequence password, String hash);

    /** True when {@code hash} was made with weaker parameters than this hasher now uses. */
    boolean needsRehash(String hash);
}

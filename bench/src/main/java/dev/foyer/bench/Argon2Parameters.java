package dev.foyer.bench;

import java.util.List;

/**
 * The Argon2id parameters the server runs with: Foyer's default (OWASP's minimum) or Keycloak 26's,
 * for a like-for-like comparison with its sizing guide.
 */
record Argon2Parameters(String preset, int memoryKib, int iterations, int parallelism) {

    static final Argon2Parameters DEFAULT = new Argon2Parameters("default", 19456, 2, 1);
    static final Argon2Parameters KEYCLOAK = new Argon2Parameters("keycloak", 7168, 5, 1);

    static Argon2Parameters named(String preset) {
        for (Argon2Parameters p : List.of(DEFAULT, KEYCLOAK)) {
            if (p.preset.equals(preset)) {
                return p;
            }
        }
        throw new IllegalArgumentException("--argon2 is default or keycloak, not " + preset);
    }

    /** The server's {@code foyer.passwords.argon2.*} arguments. */
    List<String> serverArguments() {
        return List.of("--foyer.passwords.argon2.memory-kib=" + memoryKib,
                "--foyer.passwords.argon2.iterations=" + iterations,
                "--foyer.passwords.argon2.parallelism=" + parallelism);
    }

    /**
     * The JVM options the README advises for production: the serial collector, a heap that starts
     * small (an idle server then holds less) and may grow to 128 MiB for the application plus room
     * for one Argon2 computation per core, whose memory the server keeps, and the C heap trimmed
     * every five seconds, which gives back what the JIT compiler freed (see README, Production).
     */
    List<String> productionJvmOptions(int cores) {
        long argon2Mib = (long) Math.ceil(1.25 * cores * memoryKib / 1024.0);
        long heapMib = (128 + argon2Mib + 31) / 32 * 32;
        return List.of("-XX:+UseSerialGC", "-Xms32m", "-Xmx" + heapMib + "m", "-XX:TrimNativeHeapInterval=5000");
    }

    @Override
    public String toString() {
        return preset + " (m=" + memoryKib + " KiB, t=" + iterations + ", p=" + parallelism + ")";
    }
}

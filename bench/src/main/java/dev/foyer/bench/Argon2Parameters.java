package dev.foyer.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * The Argon2id parameters the server runs with: Foyer's default (OWASP's minimum) or Keycloak 26's,
 * for a like-for-like comparison with its sizing guide.
 */
record Argon2Parameters(String preset, int memoryKib, int iterations, int parallelism) {

    static final Argon2Parameters DEFAULT = new Argon2Parameters("default", 19456, 2, 1);
    static final Argon2Parameters KEYCLOAK = new Argon2Parameters("keycloak", 7168, 5, 1);

    /** Makes the JDK read each jar's base classes only, not those it carries for newer Java releases. */
    static final String SINGLE_RELEASE_JARS = "-Djdk.util.jar.enableMultiRelease=false";
    /** Starts the application context the build generated ahead of time (Spring AOT) instead of working it out. */
    static final String SPRING_AOT = "-Dspring.aot.enabled=true";

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
     * every five seconds, which gives back what the JIT compiler freed, and the application context
     * as the build generated it ahead of time (see README, Production).
     * On Java 24 and later, the jars' versioned classes are left out: Spring then reads the
     * configuration classes' metadata with its ASM reader instead of the class-file API one,
     * which costs more CPU at start (see README, Performance).
     */
    List<String> productionJvmOptions(int cores, int javaFeature) {
        long argon2Mib = (long) Math.ceil(1.25 * cores * memoryKib / 1024.0);
        long heapMib = (128 + argon2Mib + 31) / 32 * 32;
        List<String> options = new ArrayList<>(List.of("-XX:+UseSerialGC", "-Xms32m", "-Xmx" + heapMib + "m",
                "-XX:TrimNativeHeapInterval=5000", SPRING_AOT));
        if (javaFeature >= 24) {
            options.add(SINGLE_RELEASE_JARS);
        }
        return List.copyOf(options);
    }

    @Override
    public String toString() {
        return preset + " (m=" + memoryKib + " KiB, t=" + iterations + ", p=" + parallelism + ")";
    }
}

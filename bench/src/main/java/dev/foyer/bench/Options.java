package dev.foyer.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/** The command line of {@code bench/run}. */
record Options(Duration duration, Duration warmUp, int concurrency, int users, int mfaUsers, boolean postgres,
               String postgresUrl, Argon2Parameters argon2, List<String> scenarios, Duration limitDuration,
               boolean jfr, boolean cds, List<String> serverJvmOptions, Path jar, Path resultsDir, Path workDir) {

    static final List<String> ALL_SCENARIOS = List.of("discovery", "jwks", "client_credentials", "refresh",
            "password_sign_in", "mfa_sign_in");

    static final String USAGE = """
            Usage: bench/run [options]
              --duration 30s         measured time of each scenario (s, m or ms suffix)
              --warmup 10s           unmeasured time before each scenario (the JIT needs it)
              --concurrency 8        virtual users (threads, each with its own connection)
              --users 1000           users seeded in the benchmark tenant
              --mfa-users 100        of those, users with a phone enrolled for the MFA scenario
              --postgres             run the server on a fresh schema of PostgreSQL instead of H2
              --postgres-url URL     default jdbc:postgresql://127.0.0.1:5432/test (user postgres)
              --argon2 default|keycloak   Foyer's default parameters or Keycloak 26's (m=7168, t=5, p=1)
              --scenarios a,b        some of: discovery,jwks,client_credentials,refresh,password_sign_in,mfa_sign_in
                                     (none: start-up and idle memory only)
              --limit-duration 5s    measured time of each machine-limit measurement
              --jfr                  record the server with Java Flight Recorder (server.jfr in the work dir)
              --no-cds               start the server from the plain jar; by default it starts, as the README
                                     advises for production, from the extracted jar with an AOT cache (Java 25)
                                     or AppCDS archive (Java 17) made by a training start, and the restart
                                     without it is measured too
              --server-jvm "OPTS"    JVM options for the server instead of the README's production ones
                                     (-XX:+UseSerialGC, -Xms32m, a heap limit sized for the Argon2
                                     parameters and cores, -XX:TrimNativeHeapInterval=5000,
                                     -Dspring.aot.enabled=true, and on Java 24+
                                     -Djdk.util.jar.enableMultiRelease=false);
                                     --server-jvm "" runs it with the JVM's defaults
            """;

    static Options parse(String[] args) {
        Duration duration = Duration.ofSeconds(30);
        Duration warmUp = Duration.ofSeconds(10);
        int concurrency = 8;
        int users = 1000;
        int mfaUsers = 100;
        boolean postgres = false;
        String postgresUrl = "jdbc:postgresql://127.0.0.1:5432/test";
        Argon2Parameters argon2 = Argon2Parameters.DEFAULT;
        List<String> scenarios = ALL_SCENARIOS;
        Duration limitDuration = Duration.ofSeconds(5);
        boolean jfr = false;
        boolean cds = true;
        List<String> serverJvm = null;
        Path jar = Path.of("target/foyer-0.1.0-SNAPSHOT.jar");
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--duration" -> duration = duration(args[++i]);
                case "--warmup" -> warmUp = duration(args[++i]);
                case "--concurrency" -> concurrency = positive(arg, args[++i]);
                case "--users" -> users = positive(arg, args[++i]);
                case "--mfa-users" -> mfaUsers = positive(arg, args[++i]);
                case "--postgres" -> postgres = true;
                case "--postgres-url" -> postgresUrl = args[++i];
                case "--argon2" -> argon2 = Argon2Parameters.named(args[++i]);
                case "--scenarios" -> scenarios = scenarios(args[++i]);
                case "--limit-duration" -> limitDuration = duration(args[++i]);
                case "--jfr" -> jfr = true;
                case "--cds" -> cds = true;
                case "--no-cds" -> cds = false;
                case "--server-jvm" -> serverJvm = Arrays.stream(args[++i].trim().split("\\s+"))
                        .filter(s -> !s.isEmpty()).toList();
                case "--jar" -> jar = Path.of(args[++i]);
                case "--help", "-h" -> throw new IllegalArgumentException("");
                default -> throw new IllegalArgumentException("Unknown option " + arg);
            }
        }
        mfaUsers = Math.min(Math.max(mfaUsers, concurrency), users);
        if (serverJvm == null) {
            serverJvm = argon2.productionJvmOptions(Runtime.getRuntime().availableProcessors(),
                    Runtime.version().feature());
        }
        String stamp = java.time.LocalDateTime.now().withNano(0).toString().replace(":", "");
        return new Options(duration, warmUp, concurrency, users, mfaUsers, postgres, postgresUrl, argon2, scenarios,
                limitDuration, jfr, cds, serverJvm, jar, Path.of("bench/results"), Path.of("bench/target/run-" + stamp));
    }

    boolean runs(String scenario) {
        return scenarios.contains(scenario);
    }

    private static List<String> scenarios(String list) {
        if (list.equals("none")) {
            return List.of();
        }
        List<String> chosen = Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        for (String s : chosen) {
            if (!ALL_SCENARIOS.contains(s)) {
                throw new IllegalArgumentException("Unknown scenario " + s + "; choose from " + ALL_SCENARIOS);
            }
        }
        return chosen;
    }

    static Duration duration(String text) {
        String t = text.trim().toLowerCase(java.util.Locale.ROOT);
        if (t.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
        }
        if (t.endsWith("s")) {
            return Duration.ofMillis((long) (Double.parseDouble(t.substring(0, t.length() - 1)) * 1000));
        }
        if (t.endsWith("m")) {
            return Duration.ofSeconds(Long.parseLong(t.substring(0, t.length() - 1)) * 60);
        }
        return Duration.ofSeconds(Long.parseLong(t));
    }

    private static int positive(String option, String value) {
        int n = Integer.parseInt(value);
        if (n < 1) {
            throw new IllegalArgumentException(option + " must be at least 1");
        }
        return n;
    }
}

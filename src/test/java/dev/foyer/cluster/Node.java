package dev.foyer.cluster;

import dev.foyer.FoyerApplication;
import dev.foyer.application.Application;
import dev.foyer.application.ApplicationRepository;
import dev.foyer.application.ApplicationType;
import dev.foyer.application.ClientSecrets;
import dev.foyer.tenant.Tenant;
import dev.foyer.tenant.TenantContext;
import dev.foyer.tenant.TenantRepository;
import dev.foyer.tenant.TenantSettings;
import dev.foyer.testing.TestPostgres;
import dev.foyer.testing.TestTenant;
import dev.foyer.userflow.MfaSettings;
import dev.foyer.userflow.UserFlowDefinition;
import dev.foyer.userflow.UserFlowProperties;
import dev.foyer.userflow.UserFlowRepository;
import dev.foyer.userflow.UserFlowType;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One Foyer node: the real application in this JVM, on its own port and data directory, on a
 * PostgreSQL schema it shares with the other nodes. Every node has the same public base URL, as
 * nodes behind one load balancer do, so the issuer in a token does not say which node made it.
 */
final class Node implements AutoCloseable {

    /** The load balancer's address: the issuer of every token, never connected to. */
    static final String PUBLIC_ORIGIN = "https://login.foyer.test";

    /**
     * The secrets key every node is given, as production nodes on one database must be: each node
     * has a data directory of its own, so a generated key would differ from node to node.
     */
    private static final String SECRETS_KEY = newSecretsKey();

    private final String name;
    private final ConfigurableApplicationContext context;
    private final Process process;
    private final String address;

    private Node(String name, ConfigurableApplicationContext context) {
        this.name = name;
        this.context = context;
        this.process = null;
        this.address = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
    }

    private Node(String name, Process process, int port) {
        this.name = name;
        this.context = null;
        this.process = process;
        this.address = "http://127.0.0.1:" + port;
    }

    /**
     * Starts a node as a separate operating-system process (same classpath as the tests), so that
     * {@link #close()} can kill it hard (SIGKILL): no shutdown hook, no graceful drain. Such a node
     * is reached only over HTTP; set it up through another node's beans (they share the database).
     */
    static Node startProcess(String name, String schemaUrl) throws java.io.IOException {
        int port;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        java.io.File log = new java.io.File("target/test-data/cluster-" + name + "-" + UUID.randomUUID() + ".log");
        log.getParentFile().mkdirs();
        List<String> command = new java.util.ArrayList<>(List.of(
                java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"), FoyerApplication.class.getName()));
        command.addAll(arguments(name, schemaUrl, String.valueOf(port)));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
        Node node = new Node(name, process, port);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(90))
                .pollInterval(java.time.Duration.ofMillis(250))
                .until(() -> !process.isAlive() || node.answers());
        if (!process.isAlive()) {
            throw new IllegalStateException("Node " + name + " did not start; see " + log);
        }
        return node;
    }

    private boolean answers() {
        try {
            java.net.HttpURLConnection connection = (java.net.HttpURLConnection)
                    java.net.URI.create(address + "/").toURL().openConnection();
            connection.setConnectTimeout(500);
            connection.setReadTimeout(2000);
            return connection.getResponseCode() == 200;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    /**
     * Starts a node. Command-line arguments, because properties given to the builder are only
     * defaults, which application.properties would override. No HTTPS listener: behind a load balancer
     * TLS ends at the proxy.
     */
    static Node start(String name, String schemaUrl) {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(FoyerApplication.class)
                .run(arguments(name, schemaUrl, "0").toArray(String[]::new));
        return new Node(name, context);
    }

    private static List<String> arguments(String name, String schemaUrl, String port) {
        return List.of(
                "--server.port=" + port,
                "--server.address=127.0.0.1",
                "--management.server.port=0",
                "--foyer.tls.enabled=false",
                "--foyer.public-base-url=" + PUBLIC_ORIGIN,
                "--foyer.data-dir=./target/test-data/cluster-" + name + "-" + UUID.randomUUID(),
                "--foyer.demo.enabled=false",
                "--foyer.secrets.key=" + SECRETS_KEY,
                "--foyer.passwords.argon2.memory-kib=1024",
                "--foyer.passwords.argon2.iterations=1",
                "--spring.datasource.url=" + schemaUrl,
                "--spring.datasource.username=" + TestPostgres.USER,
                "--spring.datasource.password=" + TestPostgres.PASSWORD);
    }

    private static String newSecretsKey() {
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        return java.util.Base64.getEncoder().encodeToString(key);
    }

    String name() {
        return name;
    }

    /** Where this node really listens, e.g. {@code http://127.0.0.1:34567}. */
    String address() {
        return address;
    }

    boolean isRunning() {
        return process != null ? process.isAlive() : context.isActive();
    }

    JdbcClient jdbc() {
        return inJvm().getBean(JdbcClient.class);
    }

    private ConfigurableApplicationContext inJvm() {
        if (context == null) {
            throw new IllegalStateException(this + " runs in another process; use another node's beans");
        }
        return context;
    }

    /** A fresh tenant, made through this node's beans, with a web app and the flows susi and susi_mfa. */
    TestTenant newTenant() {
        UUID id = UUID.randomUUID();
        Tenant tenant = new Tenant(id, "c" + id.toString().substring(0, 8), "Cluster " + id.toString().substring(0, 4));
        ConfigurableApplicationContext context = inJvm();
        context.getBean(TenantRepository.class).add(tenant);
        return TenantContext.call(tenant, () -> {
            String redirect = "https://app.example/signin-oidc";
            Application web = context.getBean(ApplicationRepository.class).register(new Application(UUID.randomUUID(),
                    "Web App", ApplicationType.WEB, List.of(redirect), Optional.empty()));
            String secret = context.getBean(ClientSecrets.class).issue(web.clientId()).secret();
            UserFlowRepository flows = context.getBean(UserFlowRepository.class);
            flows.create("susi", UserFlowType.SIGN_UP_OR_SIGN_IN, definition(MfaSettings.OFF));
            flows.create("susi_mfa", UserFlowType.SIGN_UP_OR_SIGN_IN, definition(MfaSettings.ENABLED));
            return new TestTenant(tenant, web.clientId(), secret, redirect, null, null);
        });
    }

    /** Stores a tenant setting (e.g. its phone code limits) through this node's beans. */
    void putSetting(TestTenant t, String name, Object value) {
        TenantContext.run(t.tenant(), () -> inJvm().getBean(TenantSettings.class).put(name, value));
    }

    private static UserFlowDefinition definition(MfaSettings mfa) {
        return new UserFlowDefinition(List.of(UserFlowDefinition.LOCAL_ACCOUNT),
                List.of("displayName", "givenName", "surname"),
                List.of("emails", "name", "given_name", "family_name", "oid", "tid", "idp", "newUser"),
                UserFlowProperties.DEFAULTS.withMfa(mfa));
    }

    /**
     * Stops the node: an in-JVM node closes its context; a process node is killed at once (SIGKILL).
     * Either way what it stored stays.
     */
    @Override
    public void close() {
        if (process != null) {
            process.destroyForcibly();
            try {
                process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        } else {
            context.close();
        }
    }

    @Override
    public String toString() {
        return "node " + name + " at " + address;
    }
}

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

    private final String name;
    private final ConfigurableApplicationContext context;
    private final String address;

    private Node(String name, ConfigurableApplicationContext context) {
        this.name = name;
        this.context = context;
        this.address = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
    }

    /**
     * Starts a node. Command-line arguments, because properties given to the builder are only
     * defaults, which application.yml would override. No HTTPS listener: behind a load balancer
     * TLS ends at the proxy.
     */
    static Node start(String name, String schemaUrl) {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(FoyerApplication.class).run(
                "--server.port=0",
                "--server.address=127.0.0.1",
                "--foyer.tls.enabled=false",
                "--foyer.public-base-url=" + PUBLIC_ORIGIN,
                "--foyer.data-dir=./target/test-data/cluster-" + name + "-" + UUID.randomUUID(),
                "--foyer.demo.enabled=false",
                "--foyer.passwords.argon2.memory-kib=1024",
                "--foyer.passwords.argon2.iterations=1",
                "--spring.datasource.url=" + schemaUrl,
                "--spring.datasource.username=" + TestPostgres.USER,
                "--spring.datasource.password=" + TestPostgres.PASSWORD);
        return new Node(name, context);
    }

    String name() {
        return name;
    }

    /** Where this node really listens, e.g. {@code http://127.0.0.1:34567}. */
    String address() {
        return address;
    }

    boolean isRunning() {
        return context.isActive();
    }

    JdbcClient jdbc() {
        return context.getBean(JdbcClient.class);
    }

    /** A fresh tenant, made through this node's beans, with a web app and the flows susi and susi_mfa. */
    TestTenant newTenant() {
        UUID id = UUID.randomUUID();
        Tenant tenant = new Tenant(id, "c" + id.toString().substring(0, 8), "Cluster " + id.toString().substring(0, 4));
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
        TenantContext.run(t.tenant(), () -> context.getBean(TenantSettings.class).put(name, value));
    }

    private static UserFlowDefinition definition(MfaSettings mfa) {
        return new UserFlowDefinition(List.of(UserFlowDefinition.LOCAL_ACCOUNT),
                List.of("displayName", "givenName", "surname"),
                List.of("emails", "name", "given_name", "family_name", "oid", "tid", "idp", "newUser"),
                UserFlowProperties.DEFAULTS.withMfa(mfa));
    }

    /** Stops the node: its listener, its schedulers and its connections go; what it stored stays. */
    @Override
    public void close() {
        context.close();
    }

    @Override
    public String toString() {
        return "node " + name + " at " + address;
    }
}

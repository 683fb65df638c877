package dev.foyer.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Sets the benchmark up the way an operator would, through the admin API: a tenant, a web
 * application with a secret, a sign-up-or-sign-in flow and the same with MFA, and the users.
 * The admin API needs a token of an application of the system tenant granted {@code foyer.admin};
 * the one thing the API cannot make for itself is that first application, so the benchmark writes
 * it into the database while the server is stopped, as an operator's provisioning script could.
 */
final class Seeder {

    static final String TENANT = "bench";
    static final String PASSWORD_FLOW = "b2c_1_susi";
    static final String MFA_FLOW = "b2c_1_susi_mfa";
    static final String REDIRECT_URI = "https://app.bench.example/callback";
    static final String PASSWORD = "Bench-Password-42";
    static final String ADMIN_TOKEN_PATH = "/system/b2c_1_admin/oauth2/v2.0/token";
    private static final String JSON = "application/json";

    /** The system tenant's automation application: client id and secret. */
    record Automation(String clientId, String secret) {
        String basic() {
            return "Basic " + Base64.getEncoder().encodeToString(
                    (clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        }
    }

    private Seeder() {
    }

    /** Registers the automation application in the stopped server's database. */
    static Automation bootstrap(String jdbcUrl, String user, String password) throws SQLException {
        UUID clientId = UUID.randomUUID();
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        try (Connection db = DriverManager.getConnection(jdbcUrl, user, password)) {
            db.setAutoCommit(false);
            UUID system;
            try (PreparedStatement find = db.prepareStatement("select id from tenant where name = 'system'");
                 ResultSet rs = find.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("The server made no system tenant");
                }
                system = rs.getObject(1, UUID.class);
            }
            update(db, "insert into application (client_id, tenant_id, display_name, app_type, logout_url, created_at)"
                    + " values (?, ?, 'Load benchmark', 'WEB', null, ?)", clientId, system, now);
            update(db, "insert into client_secret (id, client_id, secret_hash, hint, created_at, expires_at)"
                    + " values (?, ?, ?, ?, ?, ?)", UUID.randomUUID(), clientId, "sha256:" + sha256(secret),
                    secret.substring(0, 3), now, now.plusDays(1));
            update(db, "insert into application_scope (client_id, scope) values (?, 'foyer.admin')", clientId);
            db.commit();
        }
        return new Automation(clientId.toString(), secret);
    }

    /** The tenant, application and flows; returns what the virtual users sign in to. */
    static VirtualUser.Target target(int port, Automation automation) throws IOException {
        try (VirtualUser admin = new VirtualUser(port)) {
            Api api = new Api(admin.http(), admin.clientCredentials(ADMIN_TOKEN_PATH, automation.basic(), "foyer.admin"));
            api.call("POST", "/admin/api/v1/tenants", null,
                    "{\"name\":\"" + TENANT + "\",\"displayName\":\"Load benchmark\"}", 201);
            String base = "/admin/api/v1/tenants/" + TENANT;
            String app = api.call("POST", base + "/applications", null, "{\"displayName\":\"Benchmark app\","
                    + "\"type\":\"WEB\",\"redirectUris\":[\"" + REDIRECT_URI + "\"]}", 201).body();
            String clientId = Html.jsonString(app, "clientId");
            String secret = Html.jsonString(api.call("POST", base + "/applications/" + clientId + "/secrets", null, "{}",
                    201, 200).body(), "secret");
            api.call("POST", base + "/userFlows", null, "{\"name\":\"susi\",\"type\":\"SIGN_UP_OR_SIGN_IN\"}", 201);
            HttpConnection.Response mfaFlow = api.call("POST", base + "/userFlows", null,
                    "{\"name\":\"susi_mfa\",\"type\":\"SIGN_UP_OR_SIGN_IN\"}", 201);
            api.call("PUT", base + "/userFlows/" + MFA_FLOW + "/mfa", Map.of("If-Match", mfaFlow.header("etag")),
                    "{\"enabled\":true}", 200);
            return new VirtualUser.Target(TENANT, PASSWORD_FLOW, MFA_FLOW, clientId, secret, REDIRECT_URI);
        }
    }

    /** Creates {@code count} users through the admin API from {@code threads} connections. */
    static void users(int port, Automation automation, int count, int threads) throws IOException, InterruptedException {
        AtomicInteger next = new AtomicInteger();
        AtomicReference<Exception> failure = new AtomicReference<>();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread worker = new Thread(() -> {
                try (VirtualUser admin = new VirtualUser(port)) {
                    Api api = new Api(admin.http(),
                            admin.clientCredentials(ADMIN_TOKEN_PATH, automation.basic(), "foyer.admin"));
                    int i;
                    while ((i = next.getAndIncrement()) < count && failure.get() == null) {
                        api.call("POST", "/admin/api/v1/tenants/" + TENANT + "/users", null,
                                "{\"email\":\"" + email(i) + "\",\"password\":\"" + PASSWORD
                                        + "\",\"displayName\":\"Bench User " + i + "\"}", 201);
                    }
                } catch (Exception e) {
                    failure.compareAndSet(null, e);
                }
            }, "seed-" + t);
            workers.add(worker);
            worker.start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        if (failure.get() != null) {
            throw new IOException("Seeding users failed: " + failure.get().getMessage(), failure.get());
        }
    }

    static String email(int i) {
        return "user" + i + "@bench.example";
    }

    /** A valid US mobile number, distinct per user (Redmond's 425 area code, exchanges 820-899). */
    static String phone(int i) {
        return String.format("4258%02d%04d", 20 + (i / 10_000) % 80, i % 10_000);
    }

    private static void update(Connection db, String sql, Object... params) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            statement.executeUpdate();
        }
    }

    private static String sha256(String value) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The admin API with a Bearer token, on one connection. */
    private record Api(HttpConnection http, String token) {

        HttpConnection.Response call(String method, String path, Map<String, String> headers, String json,
                                     int... expected) throws IOException {
            Map<String, String> all = new java.util.LinkedHashMap<>();
            all.put("Authorization", "Bearer " + token);
            if (headers != null) {
                all.putAll(headers);
            }
            HttpConnection.Response response = http.send(method, path, null, all, JSON, json);
            for (int status : expected) {
                if (response.status() == status) {
                    return response;
                }
            }
            throw new IOException(method + " " + path + " answered " + response.status() + ": " + response.body());
        }
    }
}

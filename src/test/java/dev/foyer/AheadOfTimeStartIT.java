package dev.foyer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.jsoup.nodes.Element;

import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;

import com.icegreen.greenmail.util.GreenMail;
import com.nimbusds.jose.JOSEObjectType;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;

import dev.foyer.testing.AdminEndToEndTest;
import dev.foyer.testing.Browser;
import dev.foyer.testing.EndToEndTest;
import dev.foyer.testing.TestPostgres;
import dev.foyer.testing.TrustedCa;

/**
 * The packaged server started with its ahead-of-time generated context ({@code
 * -Dspring.aot.enabled=true}, see the README's <i>Faster start-up</i>), as production may start it.
 * Spring AOT fixes the bean definitions when the jar is built; what the configuration turns on or
 * off — HTTPS, the dev channel and its outbox page, SMTP, Twilio, trusting a proxy's forwarded
 * headers — must still follow the
 * configuration the server starts with. Each test starts the jar in its own process on loopback
 * and signs a new user up through the demo flow, reading the emailed code where it was sent. Runs
 * after the jar is packaged (the failsafe plugin, in {@code verify}).
 */
class AheadOfTimeStartIT {

    private static final Path JAR = Path.of(System.getProperty("foyer.jar", "target/foyer-0.1.0-SNAPSHOT.jar"));
    private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");
    private static final String PASSWORD = "Correct-Horse-42";
    private static final String UPSTREAM = "upstream";

    @Test
    void startWhenDevChannelAndNoTlsThenDevOutboxCarriesTheSignUpAndNoHttpsIsServed() throws Exception {
        try (Server server = Server.start(List.of("--foyer.tls.enabled=false"))) {
            assertThat(server.log()).contains("Starting AOT-processed FoyerApplication")
                    .contains("Messages go out through email: dev; sms: dev; voice: dev")
                    .doesNotContain("HTTPS on");
            Browser browser = new Browser(server.origin());
            String email = "ada-" + UUID.randomUUID() + "@example.com";

            signUpThroughTheDemoFlow(browser, server.origin(), email, to -> Awaitility.await()
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> codeIn(browser.get("/dev/outbox/messages?to=" + to).body()), found -> found != null));
            assertThat(Files.exists(server.dataDir().resolve("tls"))).as("no development CA made").isFalse();
            assertThat(issuerSeenThroughAProxy(server)).isEqualTo("http://127.0.0.1:" + server.port()
                    + "/contoso/b2c_1_susi/v2.0");
        }
    }

    @Test
    void startWhenSmtpTwilioAndTlsConfiguredThenTheyTakeOverAndTheDevOutboxIsNotServed() throws Exception {
        GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        try (Server server = Server.start(List.of(
                "--foyer.tls.port=0",
                "--server.forward-headers-strategy=framework",
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + smtp.getSmtp().getPort(),
                "--foyer.messaging.email.from=accounts@contoso.example",
                "--foyer.messaging.dev-channel.enabled=false",
                "--foyer.messaging.twilio.account-sid=AC0123456789abcdef0123456789abcdef",
                "--foyer.messaging.twilio.auth-token=not-a-real-token",
                "--foyer.messaging.twilio.from-number=+15005550006",
                "--foyer.messaging.twilio.base-url=http://127.0.0.1:9"))) {
            assertThat(server.log()).contains("Starting AOT-processed FoyerApplication")
                    .contains("Messages go out through email: SmtpEmailChannel; sms: TwilioSmsChannel; "
                            + "voice: TwilioVoiceChannel");
            Browser browser = new Browser(server.origin());
            for (String path : List.of("/dev/outbox", "/dev/outbox/messages", "/dev/outbox.json")) {
                assertThat(browser.get(path).status()).as(path).isEqualTo(404);
            }
            String email = "grace-" + UUID.randomUUID() + "@example.com";

            signUpThroughTheDemoFlow(browser, server.origin(), email, to -> {
                MimeMessage mail = Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> Arrays.stream(
                        smtp.getReceivedMessages()).filter(m -> sentTo(m, to)).findFirst().orElse(null), m -> m != null);
                assertThat(sender(mail)).isEqualTo("accounts@contoso.example");
                return codeIn(GreenMailUtil.getBody(mail));
            });
            assertThat(browser.get("/dev/outbox/messages?to=" + email).status()).isEqualTo(404);

            Matcher https = Pattern.compile("HTTPS on https://localhost:(\\d+)").matcher(server.log());
            assertThat(https.find()).as(server.log()).isTrue();
            HttpResponse<String> discovery = trusting(server.dataDir().resolve("tls/foyer-dev-ca.crt")).send(
                    HttpRequest.newBuilder(URI.create("https://localhost:" + https.group(1)
                            + "/contoso/b2c_1_susi/v2.0/.well-known/openid-configuration")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(discovery.statusCode()).isEqualTo(200);
            assertThat(issuerSeenThroughAProxy(server)).isEqualTo("https://login.example.com/contoso/b2c_1_susi/v2.0");
        } finally {
            smtp.stop();
        }
    }

    /**
     * Production's shape: PostgreSQL, a configured secrets key, the first administrator from the
     * environment, no TLS. The administrator signs in to the portal (password, then a phone added
     * by SMS), adds an OpenID Connect provider (a real one on loopback) to the demo tenant and lists
     * it in the demo flow; a user then signs up through it. The node restarts on the same database
     * with a fresh data directory, and the same user signs in through the provider again.
     */
    @Test
    void startOnPostgresWhenThePortalAddsAnOpenIdProviderThenUsersSignInThroughItBeforeAndAfterARestart()
            throws Exception {
        TestPostgres.requireServer();
        String schemaUrl = TestPostgres.newSchemaUrl("aot");
        MockOAuth2Server upstream = new MockOAuth2Server();
        upstream.start(InetAddress.getLoopbackAddress(), 0);
        String administrator = "admin-" + UUID.randomUUID() + "@example.com";
        Map<String, String> production = Map.of(
                "FOYER_DB_URL", schemaUrl,
                "FOYER_DB_USER", TestPostgres.USER,
                "FOYER_DB_PASSWORD", TestPostgres.PASSWORD,
                "FOYER_SECRETS_KEY", newSecretsKey(),
                "FOYER_TLS_ENABLED", "false",
                "FOYER_ADMIN_EMAIL", administrator,
                "FOYER_ADMIN_PASSWORD", PASSWORD);
        int port = Server.freePort();
        String subject = "upstream-" + UUID.randomUUID();
        String email = "hopper-" + UUID.randomUUID() + "@example.com";
        try {
            Map<String, String> firstSignIn;
            try (Server server = Server.start(production, port, List.of())) {
                assertThat(server.log()).contains("Starting AOT-processed FoyerApplication")
                        .containsPattern("Database: jdbc:postgresql:.* \\(PostgreSQL");
                Browser admin = new Browser(server.origin());
                signInToThePortal(admin, administrator);
                addUpstreamToTheDemoFlow(admin, upstream.wellKnownUrl(UPSTREAM).toString());

                willIssue(upstream, subject, email);
                firstSignIn = signInThroughUpstream(new Browser(server.origin()), upstream);
                assertThat(firstSignIn).containsEntry("newUser", "true").containsEntry("idp", upstreamIssuer(upstream));
                assertThat(firstSignIn.get("emails")).contains(email);
            }
            try (Server restarted = Server.start(production, port, List.of())) {
                assertThat(restarted.log()).contains("Starting AOT-processed FoyerApplication");
                willIssue(upstream, subject, email);
                Map<String, String> again = signInThroughUpstream(new Browser(restarted.origin()), upstream);
                assertThat(again).as("the same user, not a new one").containsEntry("sub", firstSignIn.get("sub"))
                        .doesNotContainKey("newUser");
            }
        } finally {
            upstream.shutdown();
            TestPostgres.dropSchemaOf(schemaUrl);
        }
    }

    /** From {@code /admin}: the administrator's password, then a phone added with an SMS code. */
    private static void signInToThePortal(Browser admin, String email) {
        Browser.Response signInPage = admin.open("/admin");
        Browser.Response phone = admin.submit(signInPage, "form#localAccountForm", "button#next",
                Map.of("signInName", email, "password", PASSWORD));
        Browser.Response formPost = AdminEndToEndTest.addPhone(admin, phone, to -> Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> codeIn(admin.get("/dev/outbox/messages?to="
                        + URLEncoder.encode(to, StandardCharsets.UTF_8)).body()), found -> found != null));
        Browser.Response home = admin.submit(formPost, "form#auto", "button#continue", Map.of());
        assertThat(home.status()).as(home.body()).isEqualTo(200);
        assertThat(home.uri().getPath()).isEqualTo("/admin");
    }

    /** In the portal: an OpenID Connect provider for the demo tenant, chosen in its flow B2C_1_susi. */
    private static void addUpstreamToTheDemoFlow(Browser admin, String metadataUrl) {
        Browser.Response form = admin.open("/admin/tenants/contoso/identityProviders?kind=OPENID_CONNECT");
        Browser.Response added = admin.submit(form, "form#providerForm", "button#add", Map.of(
                "name", "Upstream", "displayName", "Upstream ID", "clientId", "foyer-client",
                "clientSecret", "foyer-secret", "metadataUrl", metadataUrl, "scopes", "openid email profile"));
        assertThat(added.status()).as(added.body()).isEqualTo(200);

        Browser.Response providers = admin.open("/admin/tenants/contoso/userFlows/B2C_1_susi/identityProviders");
        Map<String, String> fields = admin.formValues(providers, "form#identityProvidersForm");
        Browser.Response saved = admin.follow(admin.postEncoded(admin.formAction(providers, "form#identityProvidersForm"),
                "csrf_token=" + fields.get("csrf_token") + "&version=" + fields.get("version")
                        + "&providers=LocalAccount&providers=Upstream"));
        assertThat(saved.document().getElementById("saved")).as(saved.body()).isNotNull();
    }

    /**
     * Runs the demo flow from the landing page and presses the provider's button; the provider vouches
     * at once. Fills in the sign-up page if it comes. Returns the ID token's claims the demo app shows.
     */
    private static Map<String, String> signInThroughUpstream(Browser browser, MockOAuth2Server upstream) {
        Element run = browser.get("/").document().selectFirst("a#run-B2C_1_susi");
        assertThat(run).as("the demo flow's link").isNotNull();
        Browser.Response signInPage = browser.open(run.attr("href"));
        Browser.Response atProvider = browser.submit(signInPage, "form#socialAccountForm", "button#Upstream", Map.of());
        assertThat(atProvider.location().orElse("")).as(atProvider.body())
                .startsWith(upstream.authorizationEndpointUrl(UPSTREAM).toString());
        Browser.Response back = browser.follow(browser.get(atProvider.location().get()));
        Browser.Response formPost = back.document().selectFirst("form#attributeVerification") == null ? back
                : browser.submit(back, "form#attributeVerification", "button#continue",
                        Map.of("displayName", "Grace Hopper", "givenName", "Grace", "surname", "Hopper"));
        Browser.Response callback = browser.submit(formPost, "form#auto", "button#continue", Map.of());
        assertThat(callback.document().getElementById("error")).as(callback.body()).isNull();
        Map<String, String> claims = new LinkedHashMap<>();
        for (Element claim : callback.document().select("[id^=claim-]")) {
            claims.put(claim.id().substring("claim-".length()), claim.text());
        }
        assertThat(claims).as(callback.body()).containsKey("sub");
        return claims;
    }

    private static void willIssue(MockOAuth2Server upstream, String subject, String email) {
        upstream.enqueueCallback(new DefaultOAuth2TokenCallback(UPSTREAM, subject, JOSEObjectType.JWT.getType(), null,
                Map.of("email", email, "email_verified", true, "name", "Grace Hopper"), 3600));
    }

    private static String upstreamIssuer(MockOAuth2Server upstream) {
        return upstream.issuerUrl(UPSTREAM).toString();
    }

    private static String newSecretsKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    /**
     * Signs {@code email} up from the landing page's "Run user flow" link of B2C_1_susi, entering the
     * code {@code codeSentTo} reads; the demo app's callback then shows the new user's ID token.
     */
    private static void signUpThroughTheDemoFlow(Browser browser, String origin, String email,
                                                 Function<String, String> codeSentTo) {
        Element run = browser.get("/").document().selectFirst("a#run-B2C_1_susi");
        assertThat(run).as("the demo flow's link").isNotNull();
        Browser.Response formPost = EndToEndTest.signUp(browser, browser.open(run.attr("href")), email, PASSWORD,
                codeSentTo);
        assertThat(browser.formAction(formPost, "form#auto")).as(formPost.body()).isEqualTo(origin + "/demo/callback");
        Browser.Response callback = browser.submit(formPost, "form#auto", "button#continue", Map.of());
        assertThat(callback.document().getElementById("error")).as(callback.body()).isNull();
        Element emails = callback.document().getElementById("claim-emails");
        assertThat(emails).as(callback.body()).isNotNull();
        assertThat(emails.text()).contains(email);
        assertThat(callback.document().getElementById("claim-newUser").text()).isEqualTo("true");
    }

    /** The issuer of a discovery document asked for with a proxy's {@code X-Forwarded-*} headers. */
    private static String issuerSeenThroughAProxy(Server server) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        "http://127.0.0.1:" + server.port() + "/contoso/b2c_1_susi/v2.0/.well-known/openid-configuration"))
                .header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", "login.example.com")
                .header("X-Forwarded-Port", "443")
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        Matcher issuer = Pattern.compile("\"issuer\"\\s*:\\s*\"([^\"]+)\"").matcher(response.body());
        assertThat(issuer.find()).as(response.body()).isTrue();
        return issuer.group(1);
    }

    private static String codeIn(String text) {
        Matcher matcher = CODE.matcher(text);
        return matcher.find() ? matcher.group(1) : null;
    }

    private static String sender(MimeMessage message) {
        try {
            return message.getFrom()[0].toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean sentTo(MimeMessage message, String email) {
        try {
            return Arrays.stream(message.getAllRecipients()).anyMatch(to -> to.toString().equals(email));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpClient trusting(Path caFile) {
        return HttpClient.newBuilder().sslContext(TrustedCa.sslContext(caFile)).build();
    }

    /** The packaged jar in its own process on 127.0.0.1, with a fresh data directory. */
    private record Server(Process process, int port, Path dataDir, Path logFile) implements AutoCloseable {

        static Server start(List<String> arguments) throws IOException, InterruptedException {
            return start(Map.of(), freePort(), arguments);
        }

        /** Starts the jar on {@code port} with {@code environment} added to the usual. */
        static Server start(Map<String, String> environment, int port, List<String> arguments)
                throws IOException, InterruptedException {
            assertThat(JAR).as("the packaged jar (run by failsafe after package)").exists();
            Path dataDir = Path.of("target/aot-it-data", UUID.randomUUID().toString()).toAbsolutePath();
            Files.createDirectories(dataDir);
            Path logFile = dataDir.resolve("server.log");
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Dspring.aot.enabled=true", "-Xmx256m", "-jar", JAR.toAbsolutePath().toString()));
            command.addAll(arguments);
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(logFile.toFile());
            builder.environment().put("FOYER_DATA_DIR", dataDir.toString());
            builder.environment().put("FOYER_BIND_ADDRESS", "127.0.0.1");
            builder.environment().put("FOYER_HTTP_PORT", String.valueOf(port));
            builder.environment().put("FOYER_MANAGEMENT_PORT", String.valueOf(freePort()));
            builder.environment().putAll(environment);
            Server server = new Server(builder.start(), port, dataDir, logFile);
            try {
                server.awaitReady();
            } catch (RuntimeException | Error e) {
                server.close();
                throw e;
            }
            return server;
        }

        String origin() {
            return "http://localhost:" + port;
        }

        String log() {
            try {
                return Files.readString(logFile, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        private void awaitReady() {
            HttpClient http = HttpClient.newHttpClient();
            HttpRequest discovery = HttpRequest.newBuilder(URI.create(origin()
                    + "/contoso/b2c_1_susi/v2.0/.well-known/openid-configuration")).build();
            Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).until(() -> {
                assertThat(process.isAlive()).as("the server exited:\n" + log()).isTrue();
                try {
                    return http.send(discovery, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                } catch (IOException notYet) {
                    return false;
                }
            });
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }

        static int freePort() throws IOException {
            try (ServerSocket socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            }
        }
    }
}

package dev.foyer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
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

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;

import dev.foyer.testing.Browser;
import dev.foyer.testing.EndToEndTest;
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
            assertThat(JAR).as("the packaged jar (run by failsafe after package)").exists();
            Path dataDir = Path.of("target/aot-it-data", UUID.randomUUID().toString()).toAbsolutePath();
            Files.createDirectories(dataDir);
            Path logFile = dataDir.resolve("server.log");
            int port = freePort();
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

        private static int freePort() throws IOException {
            try (ServerSocket socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            }
        }
    }
}

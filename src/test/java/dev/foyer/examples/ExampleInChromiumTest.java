package dev.foyer.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foyer.application.Application;
import dev.foyer.application.ApplicationType;
import dev.foyer.tenant.TenantContext;
import dev.foyer.testing.Chromium;
import dev.foyer.testing.EndToEndTest;
import dev.foyer.testing.TestTenant;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Runs a sample app from {@code examples/} in this JVM against the test server, and drives it with
 * Debian's Chromium through Foyer's real pages. The app reads its own {@code application.yml}; the
 * test only points it at a fresh tenant (its registrations get the app's real, random port) and at
 * a clients file like the one the demo seed writes.
 */
abstract class ExampleInChromiumTest extends EndToEndTest {

    /** Foyer's own infrastructure is on the test classpath too; a sample app needs none of it. */
    private static final String NOT_FOR_EXAMPLES = String.join(",",
            "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
            "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
            "org.springframework.boot.mail.autoconfigure.MailSenderAutoConfiguration");

    @TempDir
    Path dataDir;

    protected WebDriver driver;
    protected WebDriverWait wait;
    private final List<ConfigurableApplicationContext> examples = new ArrayList<>();
    private final Map<String, String> clients = new TreeMap<>();

    @BeforeEach
    void startBrowser() throws Exception {
        driver = Chromium.start(browserArguments());
        wait = new WebDriverWait(driver, Duration.ofSeconds(30));
    }

    @AfterEach
    void stopBrowserAndExamples() {
        if (driver != null) {
            driver.quit();
        }
        examples.forEach(ConfigurableApplicationContext::close);
    }

    /** More command-line switches for Chromium. */
    protected String[] browserArguments() throws Exception {
        return new String[0];
    }

    /** Registers a web app in {@code t} (reply URLs follow once the example has a port) for the clients file. */
    protected Application registerWebApp(TestTenant t, String key, String name) {
        return TenantContext.call(t.tenant(), () -> {
            Application app = applications.register(new Application(null, name, ApplicationType.WEB, List.of(),
                    Optional.empty()));
            clients.put("contoso." + key + ".client-id", app.clientId().toString());
            clients.put("contoso." + key + ".client-secret", clientSecrets.issue(app.clientId()).secret());
            return app;
        });
    }

    /** Starts the example {@code name} ({@code examples/name}) on a random port against tenant {@code t}. */
    protected String startExample(Class<?> main, String name, TestTenant t, String... extraArgs) throws Exception {
        StringBuilder file = new StringBuilder();
        clients.forEach((k, v) -> file.append(k).append('=').append(v).append('\n'));
        Files.writeString(dataDir.resolve("demo-clients.properties"), file.toString());
        List<String> args = new ArrayList<>(List.of(
                "--spring.config.location=classpath:/examples/" + name + "/application.yml",
                "--spring.thymeleaf.prefix=classpath:/examples/" + name + "/templates/",
                "--FOYER_DATA_DIR=" + dataDir,
                "--foyer.tenant-url=" + origin() + "/" + t.name(),
                "--server.port=0",
                "--spring.autoconfigure.exclude=" + NOT_FOR_EXAMPLES));
        args.addAll(List.of(extraArgs));
        ConfigurableApplicationContext context = new SpringApplicationBuilder(main).run(args.toArray(String[]::new));
        examples.add(context);
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        return "http://localhost:" + port;
    }

    /** Points a registration at the example's real address: its reply URLs and its logout URL. */
    protected void replyTo(TestTenant t, Application app, String exampleOrigin, String... callbackPaths) {
        TenantContext.run(t.tenant(), () -> applications.update(new Application(app.clientId(), app.displayName(),
                app.type(), List.of(callbackPaths).stream().map(p -> exampleOrigin + p).toList(),
                Optional.of(exampleOrigin + "/"))));
    }

    /** On Foyer's sign-in page: "Sign up now", the emailed code, password and names. */
    protected void signUpOnFoyer(String email) {
        wait.until(ExpectedConditions.elementToBeClickable(By.id("createAccount"))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("email"))).sendKeys(email);
        driver.findElement(By.id("email_ver_but_send")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("code"))).sendKeys(codeSentTo(email, 1));
        driver.findElement(By.id("email_ver_but_verify")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("newPassword"))).sendKeys(PASSWORD);
        driver.findElement(By.id("reenterPassword")).sendKeys(PASSWORD);
        driver.findElement(By.id("displayName")).sendKeys("Ada Lovelace");
        driver.findElement(By.id("givenName")).sendKeys("Ada");
        driver.findElement(By.id("surname")).sendKeys("Lovelace");
        driver.findElement(By.id("continue")).click();
    }

    /**
     * Asserts that Foyer shows its phone enrollment page — and no password field: the session
     * already proved the password — then enrolls {@code usNumber} with the texted code.
     */
    protected void enrollPhoneOnFoyerWithoutPassword(String usNumber) {
        Select country = new Select(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("countryCode"))));
        assertThat(driver.getCurrentUrl()).startsWith(origin());
        assertThat(driver.findElements(By.id("password"))).as("a password field on the step-up page").isEmpty();
        country.selectByValue("US");
        driver.findElement(By.id("number")).sendKeys(usNumber);
        driver.findElement(By.id("sendCode")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("verificationCode")))
                .sendKeys(codeSentTo("+1" + usNumber, 1));
        driver.findElement(By.id("verifyCode")).click();
    }

    protected String textOf(String id) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(id))).getText();
    }

    protected String codeSentTo(String to, int expectedMessages) {
        return latestCode(URLEncoder.encode(to, StandardCharsets.UTF_8), expectedMessages);
    }

    protected static String uniqueIban() {
        return "DE89370400440532" + UUID.randomUUID().toString().replaceAll("\\D", "").substring(0, 6);
    }
}

package dev.foyer.admin.portal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foyer.tenant.TenantSettings;
import dev.foyer.testing.AdminEndToEndTest;
import dev.foyer.testing.Chromium;
import dev.foyer.testing.TestTenant;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A real browser (Debian's Chromium) in the portal: an administrator signs in with MFA, creates a
 * user flow, turns MFA on in its Properties and runs it for the built-in token viewer — sign-up
 * with SMS enrollment ends on the viewer with {@code mfa} in {@code amr}; then turns MFA off and
 * runs it again in a fresh browser session: no phone step. Each page is saved as a screenshot
 * under {@code target/screenshots/portal/}.
 */
class PortalRunUserFlowInChromiumTests extends AdminEndToEndTest {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots", "portal");

    @Autowired
    private TenantSettings settings;
    private WebDriver driver;
    private WebDriverWait wait;
    private int shots;
    private TestTenant t;

    @BeforeEach
    void startBrowser() throws Exception {
        PortalTest.allowAdministratorSignInsFromOneAddress(system, settings);
        driver = Chromium.start();
        driver.manage().window().setSize(new Dimension(1280, 1000));
        wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterEach
    void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void mfaWhenEnabledInPropertiesThenTheRunAsksForThePhoneAndWhenDisabledThenNot() throws Exception {
        t = newTenant();
        signInToThePortal(newAdministrator());
        String flow = createFlow("portal_" + UUID.randomUUID().toString().substring(0, 6));

        setMfa("mfaEnabled", "properties-mfa-enabled");
        String amr = runAndSignUp(true);
        assertThat(amr).contains("pwd").contains("sms").contains("mfa");
        assertThat(driver.findElement(By.id("claim-tfp")).getText()).isEqualTo(flow);

        driver.get(origin() + "/admin/tenants/" + t.name() + "/userFlows/" + flow + "/properties");
        setMfa("mfaDisabled", "properties-mfa-disabled");
        freshBrowserSessionExceptThePortal();
        String amrWithoutMfa = runAndSignUp(false);
        assertThat(amrWithoutMfa).contains("pwd").doesNotContain("mfa").doesNotContain("sms");
    }

    private void signInToThePortal(String email) throws Exception {
        driver.get(origin() + "/admin");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("signInName"))).sendKeys(email);
        driver.findElement(By.id("password")).sendKeys(PASSWORD);
        screenshot("admin-sign-in");
        driver.findElement(By.id("next")).click();
        enrollPhone("admin-phone");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("admin")));
        assertThat(driver.findElement(By.id("admin")).getText()).isEqualTo(email);
        screenshot("portal-tenants");
    }

    private String createFlow(String name) throws Exception {
        driver.findElement(By.id("tenant-" + t.name())).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("tab-userFlows"))).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("newFlow"))).click();
        new Select(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("type"))))
                .selectByVisibleText("Sign up and sign in");
        driver.findElement(By.id("name")).sendKeys(name);
        screenshot("new-user-flow");
        driver.findElement(By.id("create")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("created")));
        screenshot("user-flow-overview");
        return "B2C_1_" + name;
    }

    private void setMfa(String switchId, String shot) throws Exception {
        if (!driver.getCurrentUrl().endsWith("/properties")) {
            driver.findElement(By.id("tab-properties")).click();
        }
        wait.until(ExpectedConditions.elementToBeClickable(By.id(switchId))).click();
        driver.findElement(By.id("save")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("saved")));
        assertThat(driver.findElement(By.id(switchId)).isSelected()).isTrue();
        screenshot(shot);
    }

    /** Runs the flow from its Overview for the token viewer and signs up; returns the token's {@code amr}. */
    private String runAndSignUp(boolean expectPhone) throws Exception {
        driver.findElement(By.id("tab-overview")).click();
        new Select(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("runApplication"))))
                .selectByValue("tokenviewer");
        new Select(driver.findElement(By.id("runReplyUrl"))).selectByValue(origin() + "/tokenviewer");
        screenshot(expectPhone ? "run-user-flow-mfa-on" : "run-user-flow-mfa-off");
        driver.findElement(By.id("run")).click();

        String email = uniqueEmail();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("createAccount"))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("email"))).sendKeys(email);
        driver.findElement(By.id("email_ver_but_send")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("code"))).sendKeys(latestCode(email, 1));
        driver.findElement(By.id("email_ver_but_verify")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("newPassword"))).sendKeys(PASSWORD);
        driver.findElement(By.id("reenterPassword")).sendKeys(PASSWORD);
        driver.findElement(By.id("displayName")).sendKeys("Grace Hopper");
        driver.findElement(By.id("givenName")).sendKeys("Grace");
        driver.findElement(By.id("surname")).sendKeys("Hopper");
        screenshot("sign-up");
        driver.findElement(By.id("continue")).click();
        if (expectPhone) {
            enrollPhone("phone-enrollment");
        }
        wait.until(ExpectedConditions.urlContains("/tokenviewer"));
        String amr = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("claim-amr"))).getText();
        assertThat(driver.getPageSource()).doesNotContain("phoneVerification");
        screenshot(expectPhone ? "token-with-mfa" : "token-without-mfa");
        return amr;
    }

    private void enrollPhone(String shot) throws Exception {
        String number = dev.foyer.testing.TestPhoneNumbers.usNational();
        new Select(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("countryCode")))).selectByValue("US");
        driver.findElement(By.id("number")).sendKeys(number);
        screenshot(shot);
        driver.findElement(By.id("sendCode")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("verificationCode")))
                .sendKeys(latestCode(URLEncoder.encode("+1" + number, StandardCharsets.UTF_8), 1));
        driver.findElement(By.id("verifyCode")).click();
    }

    /** Forgets the browser's sessions in the tenants (SSO, journeys), keeping the administrator's. */
    private void freshBrowserSessionExceptThePortal() {
        for (Cookie cookie : driver.manage().getCookies()) {
            if (!cookie.getName().equals("foyer_admin")) {
                driver.manage().deleteCookie(cookie);
            }
        }
        assertThat(driver.manage().getCookies()).extracting(Cookie::getName).containsExactly("foyer_admin");
    }

    /** Saves the page as {@code NN-name.png}, numbered in the order the test visits pages. */
    private void screenshot(String name) throws Exception {
        shots++;
        Files.write(SCREENSHOTS.resolve(String.format("%02d-%s.png", shots, name)),
                ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }
}

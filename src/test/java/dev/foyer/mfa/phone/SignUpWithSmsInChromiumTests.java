package dev.foyer.mfa.phone;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foyer.testing.Chromium;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real browser (Debian's Chromium) runs the demo's MFA flow from the landing page: sign-up with
 * email verification, SMS enrollment with the code read from the development outbox, and the
 * form_post back to the demo application, submitted by the page's own script.
 */
class SignUpWithSmsInChromiumTests extends PhoneMfaEndToEndTest {

    private WebDriver driver;
    private WebDriverWait wait;

    @BeforeEach
    void startBrowser() throws Exception {
        driver = Chromium.start();
        wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    }

    @AfterEach
    void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void signUpWithSmsEnrollmentFromTheLandingPage() {
        String email = uniqueEmail();
        String number = usNumber();
        driver.get(origin() + "/");
        driver.findElement(By.id("run-B2C_1_susi_mfa")).click();

        wait.until(ExpectedConditions.elementToBeClickable(By.id("createAccount"))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("email"))).sendKeys(email);
        driver.findElement(By.id("email_ver_but_send")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("code"))).sendKeys(codeSentTo(email, 1));
        driver.findElement(By.id("email_ver_but_verify")).click();

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("newPassword"))).sendKeys(PASSWORD);
        driver.findElement(By.id("reenterPassword")).sendKeys(PASSWORD);
        driver.findElement(By.id("displayName")).sendKeys("Grace Hopper");
        driver.findElement(By.id("givenName")).sendKeys("Grace");
        driver.findElement(By.id("surname")).sendKeys("Hopper");
        driver.findElement(By.id("continue")).click();

        new Select(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("countryCode"))))
                .selectByValue("US");
        driver.findElement(By.id("number")).sendKeys(number);
        driver.findElement(By.id("sendCode")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("verificationCode")))
                .sendKeys(codeSentTo(e164(number), 1));
        driver.findElement(By.id("verifyCode")).click();

        wait.until(ExpectedConditions.urlContains("/demo/callback"));
        String amr = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("claim-amr"))).getText();
        assertThat(amr).contains("pwd").contains("sms").contains("mfa");
        assertThat(driver.findElement(By.id("claim-tfp")).getText()).isEqualTo("B2C_1_susi_mfa");
        assertThat(driver.findElement(By.id("claim-emails")).getText()).contains(email);
    }
}

package dev.foyer.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.contoso.insurance.InsuranceApplication;
import dev.foyer.application.Application;
import dev.foyer.testing.TestPhoneNumbers;
import dev.foyer.testing.TestTenant;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * {@code examples/insurance}: the seed's two applications in one tenant, sharing users. Auto
 * Insurance signs in through {@code B2C_1_susi} and never asks for a phone; Home Insurance, through
 * {@code B2C_1_susi_mfa}, lets the same user in only after the phone — and never asks the password
 * again, since Foyer's session already holds it.
 */
class InsuranceInChromiumTests extends ExampleInChromiumTest {

    @Test
    void sameUserEntersAutoWithoutMfaAndHomeOnlyAfterEnrollingAPhone() throws Exception {
        TestTenant t = newTenant();
        Application auto = registerWebApp(t, "auto-insurance", "Contoso Auto Insurance");
        Application home = registerWebApp(t, "home-insurance", "Contoso Home Insurance");
        String insurance = startExample(InsuranceApplication.class, "insurance", t);
        replyTo(t, auto, insurance, "/login/oauth2/code/auto");
        replyTo(t, home, insurance, "/login/oauth2/code/home");

        driver.get(insurance + "/");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("open-auto"))).click();
        signUpOnFoyer(uniqueEmail());
        assertThat(textOf("app-title")).isEqualTo("Auto Insurance");
        assertThat(driver.getCurrentUrl()).startsWith(insurance + "/auto");
        assertThat(textOf("claim-aud")).contains(auto.clientId().toString());
        assertThat(textOf("claim-tfp")).isEqualTo("B2C_1_susi");
        assertThat(textOf("claim-amr")).isEqualTo("[pwd]");
        String oid = textOf("claim-oid");

        driver.findElement(By.id("back")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("open-home"))).click();
        assertThat(driver.getCurrentUrl()).contains("/" + t.name() + "/b2c_1_susi_mfa/");
        enrollPhoneOnFoyerWithoutPassword(TestPhoneNumbers.usNational());

        assertThat(textOf("app-title")).isEqualTo("Home Insurance");
        assertThat(driver.getCurrentUrl()).startsWith(insurance + "/home");
        assertThat(textOf("claim-aud")).contains(home.clientId().toString());
        assertThat(textOf("claim-tfp")).isEqualTo("B2C_1_susi_mfa");
        assertThat(textOf("claim-amr")).isEqualTo("[pwd, sms, mfa]");
        assertThat(textOf("claim-oid")).as("the same user in both apps").isEqualTo(oid);

        // Auto still knows the user from its own sign-in; no trip to Foyer.
        driver.get(insurance + "/auto");
        assertThat(textOf("app-title")).isEqualTo("Auto Insurance");
        assertThat(textOf("claim-amr")).isEqualTo("[pwd]");
    }

    @Test
    void homeWithoutAnySessionAsksForPasswordThenPhone() throws Exception {
        TestTenant t = newTenant();
        Application auto = registerWebApp(t, "auto-insurance", "Contoso Auto Insurance");
        Application home = registerWebApp(t, "home-insurance", "Contoso Home Insurance");
        String insurance = startExample(InsuranceApplication.class, "insurance", t);
        replyTo(t, auto, insurance, "/login/oauth2/code/auto");
        replyTo(t, home, insurance, "/login/oauth2/code/home");

        driver.get(insurance + "/home");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("password")));
        signUpOnFoyer(uniqueEmail());
        enrollPhoneOnFoyerWithoutPassword(TestPhoneNumbers.usNational());

        assertThat(textOf("app-title")).isEqualTo("Home Insurance");
        assertThat(textOf("claim-amr")).isEqualTo("[pwd, sms, mfa]");
    }
}

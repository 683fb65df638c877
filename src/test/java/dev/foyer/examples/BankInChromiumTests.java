package dev.foyer.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.contoso.bank.BankApplication;
import dev.foyer.application.Application;
import dev.foyer.testing.TestPhoneNumbers;
import dev.foyer.testing.TestTenant;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * {@code examples/bank}: a Spring Security OAuth2 client configured from Foyer's discovery. The
 * balance needs a plain sign-in; a wire transfer makes the bank step up to MFA, and Foyer then asks
 * only for the phone — never the password again — before the user is back at the transfer form.
 */
class BankInChromiumTests extends ExampleInChromiumTest {

    @Test
    void signInThenWireTransferStepsUpThroughTheMfaFlowWithSmsOnly() throws Exception {
        TestTenant t = newTenant();
        String bank = startBank(t, "flow");

        signUpAndSeeTheBalance(bank);
        assertThat(textOf("claim-tfp")).isEqualTo("B2C_1_susi");
        assertThat(textOf("claim-amr")).isEqualTo("[pwd]");

        driver.findElement(By.id("wire-transfer")).click();
        assertThat(driver.getCurrentUrl()).contains("/" + t.name() + "/b2c_1_susi_mfa/");
        enrollPhoneOnFoyerWithoutPassword(TestPhoneNumbers.usNational());

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("transfer")));
        assertThat(driver.getCurrentUrl()).startsWith(bank + "/transfer");
        assertThat(textOf("tfp")).isEqualTo("B2C_1_susi_mfa");
        assertThat(textOf("amr")).isEqualTo("[pwd, sms, mfa]");

        sendTransfer("250.00");
        assertThat(textOf("transfer-done")).isEqualTo("Transfer sent");
        assertThat(textOf("sent-amount")).isEqualTo("$250.00");
        assertThat(textOf("balance")).isEqualTo("$12,230.55");
    }

    @Test
    void wireTransferWithAcrValuesStepsUpInTheSameFlow() throws Exception {
        TestTenant t = newTenant();
        String bank = startBank(t, "acr_values");

        signUpAndSeeTheBalance(bank);
        driver.findElement(By.id("wire-transfer")).click();
        // No MFA flow here: B2C_1_susi asks for the phone only because the bank sent acr_values=mfa.
        assertThat(driver.getCurrentUrl()).contains("/" + t.name() + "/b2c_1_susi/");
        enrollPhoneOnFoyerWithoutPassword(TestPhoneNumbers.usNational());

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("transfer")));
        assertThat(textOf("tfp")).isEqualTo("B2C_1_susi");
        assertThat(textOf("amr")).isEqualTo("[pwd, sms, mfa]");
        sendTransfer("10.00");
        assertThat(textOf("transfer-done")).isEqualTo("Transfer sent");
    }

    @Test
    void transferPostedWithoutMfaIsRefusedByTheBankItself() throws Exception {
        TestTenant t = newTenant();
        String bank = startBank(t, "flow");
        signUpAndSeeTheBalance(bank);

        // A forged submission, with a valid CSRF token, from a session that never proved MFA.
        ((JavascriptExecutor) driver).executeScript("""
                const form = document.getElementById('sign-out');
                form.action = '/transfer';
                for (const [name, value] of [['recipient', 'DE00'], ['amount', '999']]) {
                  const input = document.createElement('input');
                  input.type = 'hidden'; input.name = name; input.value = value;
                  form.appendChild(input);
                }
                form.submit();""");

        assertThat(textOf("mfa-required")).isEqualTo("Verification needed");
        assertThat(driver.findElements(By.id("transfer-done"))).isEmpty();
    }

    @Test
    void signOutEndsTheFoyerSessionAndReturnsToTheBank() throws Exception {
        TestTenant t = newTenant();
        String bank = startBank(t, "flow");
        signUpAndSeeTheBalance(bank);

        driver.findElement(By.id("sign-out-button")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-in")));
        assertThat(driver.getCurrentUrl()).isEqualTo(bank + "/");

        driver.findElement(By.id("sign-in")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("password")));
        assertThat(driver.getCurrentUrl()).startsWith(origin() + "/" + t.name() + "/b2c_1_susi/");
    }

    private String startBank(TestTenant t, String stepUp) throws Exception {
        Application app = registerWebApp(t, "bank", "Contoso Bank");
        String bank = startExample(BankApplication.class, "bank", t, "--bank.step-up=" + stepUp);
        replyTo(t, app, bank, "/login/oauth2/code/susi", "/login/oauth2/code/susi-mfa");
        return bank;
    }

    private void signUpAndSeeTheBalance(String bank) {
        driver.get(bank + "/");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("sign-in"))).click();
        signUpOnFoyer(uniqueEmail());
        assertThat(textOf("balance")).isEqualTo("$12,480.55");
        assertThat(driver.getCurrentUrl()).isEqualTo(bank + "/");
        assertThat(textOf("name")).isEqualTo("Ada Lovelace");
    }

    private void sendTransfer(String amount) {
        driver.findElement(By.id("recipient")).sendKeys(uniqueIban());
        driver.findElement(By.id("amount")).sendKeys(amount);
        driver.findElement(By.id("send")).click();
    }
}

package dev.foyer.mfa.phone;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

class PhoneNumberFuzzTests {

    @FuzzTest(maxDuration = "10s")
    void parseWhenAnyInputThenNumberOrInvalidPhoneNumber(FuzzedDataProvider data) {
        String region = data.consumeString(4);
        boolean sms = data.consumeBoolean();
        String number = data.consumeRemainingAsString();
        PhoneNumber parsed;
        try {
            parsed = PhoneNumber.parse(region, number, sms);
        } catch (PhoneNumber.InvalidPhoneNumberException e) {
            assertThat(e.getMessage()).isNotBlank();
            return;
        }
        assertThat(parsed.e164()).matches("\\+[1-9]\\d{1,14}");
        assertThat(PhoneNumber.parse("", parsed.e164(), sms)).isEqualTo(parsed);
    }
}

package dev.foyer.mfa.phone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Number rules that the metadata alone does not enforce. */
class PhoneNumberTests {

    /**
     * Found by fuzzing: German numbers have variable length, and the metadata calls this 16-digit
     * number valid, but E.164 allows at most 15 digits and no SMS or voice provider takes more.
     */
    @Test
    void parseWhenTheNumberHasMoreThanFifteenDigitsThenTooLong() {
        assertThatThrownBy(() -> PhoneNumber.parse("", "+4979797754435444", false))
                .isInstanceOf(PhoneNumber.InvalidPhoneNumberException.class)
                .hasMessage("That phone number is too long.");
        assertThatThrownBy(() -> PhoneNumber.parse("DE", "079797754435444", false))
                .isInstanceOf(PhoneNumber.InvalidPhoneNumberException.class)
                .hasMessage("That phone number is too long.");
    }

    @Test
    void parseWhenFifteenDigitsOrFewerThenTheE164FormFitsTheStandard() {
        assertThat(PhoneNumber.parse("DE", "015112345678", true).e164()).isEqualTo("+4915112345678")
                .matches("\\+[1-9]\\d{1,14}");
    }
}

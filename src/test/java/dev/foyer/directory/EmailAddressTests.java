package dev.foyer.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class EmailAddressTests {

    @Test
    void parseWhenMixedCaseWithSurroundingSpacesThenTrimmedAndLowerCase() {
        assertThat(EmailAddress.parse("  Alice.Smith+news@Example.COM ").value())
                .isEqualTo("alice.smith+news@example.com");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a@b.co", "first.last@sub.example.org", "o'brien@example.ie", "x_y-z@ex-ample.com",
            "user@xn--bcher-kva.example", "user@example.xn--p1ai"})
    void parseWhenPracticalAddressThenAccepted(String raw) {
        assertThat(EmailAddress.isValid(raw)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"plainaddress", "@example.com", "alice@", "alice@@example.com", "a@b@example.com",
            "alice@example", "alice@example.c", "alice@-example.com", "alice@example-.com", "alice@exa_mple.com",
            "alice@example..com", ".alice@example.com", "alice.@example.com", "al..ice@example.com",
            "alice smith@example.com", "alice@exam ple.com", "alice@example.com.", "alice(x)@example.com",
            "alice@example.123"})
    void parseWhenMalformedThenInvalidEmailException(String raw) {
        assertThatThrownBy(() -> EmailAddress.parse(raw))
                .isInstanceOf(InvalidEmailException.class)
                .hasMessage("Please enter a valid email address.");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void parseWhenMissingThenAsksForAnAddress(String raw) {
        assertThatThrownBy(() -> EmailAddress.parse(raw)).hasMessage("Please enter your email address.");
    }

    @Test
    void parseWhenLongerThan254CharactersThenTooLong() {
        String domain = "a".repeat(60) + "." + "b".repeat(60) + "." + "c".repeat(60) + "." + "d".repeat(60) + ".com";
        String raw = "someone@" + domain;
        assertThat(raw.length()).isGreaterThan(254);

        assertThatThrownBy(() -> EmailAddress.parse(raw)).hasMessage("The email address is too long.");
    }

    @Test
    void parseWhenLocalPartLongerThan64ThenInvalid() {
        assertThat(EmailAddress.isValid("a".repeat(64) + "@example.com")).isTrue();
        assertThat(EmailAddress.isValid("a".repeat(65) + "@example.com")).isFalse();
    }

    @Test
    void invalidEmailExceptionIsAnIllegalArgumentException() {
        assertThatThrownBy(() -> EmailAddress.parse("nope")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void equalsWhenSameAddressInOtherCasingThenEqual() {
        assertThat(EmailAddress.parse("Bob@Example.com")).isEqualTo(EmailAddress.parse("bob@example.com"));
    }
}

package dev.foyer.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PasswordPolicyTests {

    @Test
    void violationsWhenSimpleAndLongEnoughThenNone() {
        assertThat(PasswordPolicy.SIMPLE.violations("abcdefgh")).isEmpty();
        assertThat(PasswordPolicy.SIMPLE.violations("a".repeat(64))).isEmpty();
    }

    @Test
    void violationsWhenTooShortOrTooLongThenLengthMessage() {
        assertThat(PasswordPolicy.SIMPLE.violations("abc1234"))
                .containsExactly("The password must be between 8 and 64 characters.");
        assertThat(PasswordPolicy.SIMPLE.violations("a".repeat(65)))
                .containsExactly("The password must be between 8 and 64 characters.");
        assertThat(PasswordPolicy.SIMPLE.violations(null)).isNotEmpty();
    }

    @Test
    void violationsWhenStrongWithThreeClassesThenNone() {
        assertThat(PasswordPolicy.STRONG.violations("abcdEFG1")).isEmpty();
        assertThat(PasswordPolicy.STRONG.violations("abcdefg1!")).isEmpty();
        assertThat(PasswordPolicy.STRONG.violations("ABCDEFG1#")).isEmpty();
    }

    @Test
    void violationsWhenStrongWithTwoClassesThenClassesMessage() {
        assertThat(PasswordPolicy.STRONG.violations("abcdefgh1"))
                .containsExactly("The password must have at least 3 of the following: "
                        + "a lowercase letter, an uppercase letter, a digit, a symbol.");
    }

    @Test
    void violationsWhenShortAndSingleClassThenBothMessages() {
        assertThat(PasswordPolicy.STRONG.violations("abc")).hasSize(2);
    }

    @Test
    void violationsCountCharactersNotUtf16Units() {
        String sevenEmojiAndOneLetter = "😀".repeat(7) + "a";
        assertThat(PasswordPolicy.SIMPLE.violations(sevenEmojiAndOneLetter)).isEmpty();
    }

    @Test
    void ofWhenKnownComplexityThenPreset() {
        assertThat(PasswordPolicy.of("simple")).isSameAs(PasswordPolicy.SIMPLE);
        assertThat(PasswordPolicy.of("Strong")).isSameAs(PasswordPolicy.STRONG);
    }

    @Test
    void ofWhenUnknownComplexityThenIllegalArgument() {
        assertThatThrownBy(() -> PasswordPolicy.of("custom")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PasswordPolicy.of(null)).isInstanceOf(IllegalArgumentException.class);
    }
}

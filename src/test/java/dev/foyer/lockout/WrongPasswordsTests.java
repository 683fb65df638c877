package dev.foyer.lockout;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Wrong passwords are remembered only as keyed MACs, the last five, and survive storage. */
class WrongPasswordsTests {

    private static final String PASSWORD = "Wrong-Horse-42";

    @Test
    void containsWhenStoredAndReadBackThenRecognisesTheSamePasswordOnly() {
        WrongPasswords stored = WrongPasswords.none().plus(PASSWORD);

        WrongPasswords read = WrongPasswords.parse(stored.key(), stored.macs());

        assertThat(read.contains(PASSWORD)).isTrue();
        assertThat(read.contains("wrong-horse-42")).isFalse();
        assertThat(read.contains("")).isFalse();
    }

    @Test
    void plusWhenMoreThanFiveThenKeepsTheNewestFive() {
        WrongPasswords passwords = WrongPasswords.none();
        for (int i = 1; i <= 7; i++) {
            passwords = passwords.plus("wrong-" + i);
        }

        assertThat(passwords.size()).isEqualTo(WrongPasswords.KEPT);
        assertThat(passwords.contains("wrong-2")).isFalse();
        assertThat(passwords.contains("wrong-3")).isTrue();
        assertThat(passwords.contains("wrong-7")).isTrue();
    }

    @Test
    void macsWhenStoredThenHoldNeitherThePasswordNorItsPlainHashAndDifferPerKey() throws Exception {
        WrongPasswords one = WrongPasswords.none().plus(PASSWORD);
        WrongPasswords other = WrongPasswords.none().plus(PASSWORD);
        byte[] sha256 = MessageDigest.getInstance("SHA-256").digest(PASSWORD.getBytes(StandardCharsets.UTF_8));

        assertThat(one.macs()).doesNotContain(PASSWORD)
                .isNotEqualTo(Base64.getEncoder().encodeToString(sha256))
                .doesNotContain(HexFormat.of().formatHex(sha256))
                .isNotEqualTo(other.macs());
        assertThat(one.key()).isNotEqualTo(other.key());
        assertThat(Base64.getDecoder().decode(one.key())).hasSize(32);
    }
}

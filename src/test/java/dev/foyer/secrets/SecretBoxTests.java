package dev.foyer.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

class SecretBoxTests {

    private static final String ROW = "signing-key:tenant-1:kid-1";

    private final String key = TestKeys.fresh();
    private final SecretBox box = SecretBox.of(key, List.of());

    @Test
    void openWhenSealedForSameRowThenGivesSecretBack() {
        String sealed = box.seal("{\"d\":\"private\"}", ROW);

        assertThat(box.open(sealed, ROW)).isEqualTo("{\"d\":\"private\"}");
    }

    @Test
    void sealWhenCalledThenVersionedEnvelopeNamingKeyWithoutPlaintext() {
        String sealed = box.seal("top secret", ROW);

        assertThat(sealed).matches("v1\\.[0-9a-f]{16}\\.[A-Za-z0-9_-]{16}\\.[A-Za-z0-9_-]+");
        assertThat(sealed.split("\\.")[1]).isEqualTo(box.currentKeyId());
        assertThat(sealed).doesNotContain("top secret");
        assertThat(Base64.getUrlDecoder().decode(sealed.split("\\.")[3])).hasSize("top secret".length() + 16);
        assertThat(box.isSealedWithCurrentKey(sealed)).isTrue();
    }

    @Test
    void sealWhenSameSecretTwiceThenDifferentNonceAndCiphertext() {
        String first = box.seal("same", ROW);
        String second = box.seal("same", ROW);

        assertThat(first.split("\\.")[2]).isNotEqualTo(second.split("\\.")[2]);
        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void openWhenCiphertextTamperedThenRefusedClearly() {
        String sealed = box.seal("top secret", ROW);
        String[] parts = sealed.split("\\.");
        byte[] ciphertext = Base64.getUrlDecoder().decode(parts[3]);
        ciphertext[0] ^= 1;
        String tampered = parts[0] + "." + parts[1] + "." + parts[2] + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(ciphertext);

        assertThatThrownBy(() -> box.open(tampered, ROW))
                .isInstanceOf(SecretUnreadableException.class)
                .hasMessage("The secret of " + ROW + " does not authenticate under key id " + box.currentKeyId()
                        + ": it was altered, or sealed for another record")
                .hasNoCause();
    }

    @Test
    void openWhenNonceTamperedThenRefused() {
        String sealed = box.seal("top secret", ROW);
        String[] parts = sealed.split("\\.");
        byte[] nonce = Base64.getUrlDecoder().decode(parts[2]);
        nonce[11] ^= 1;
        String tampered = parts[0] + "." + parts[1] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(nonce)
                + "." + parts[3];

        assertThatThrownBy(() -> box.open(tampered, ROW))
                .isInstanceOf(SecretUnreadableException.class)
                .hasMessageContaining("does not authenticate");
    }

    @Test
    void openWhenMovedToAnotherRowThenRefused() {
        String sealed = box.seal("top secret", ROW);

        assertThatThrownBy(() -> box.open(sealed, "signing-key:tenant-2:kid-1"))
                .isInstanceOf(SecretUnreadableException.class)
                .hasMessageContaining("signing-key:tenant-2:kid-1")
                .hasMessageContaining("sealed for another record");
    }

    @Test
    void openWhenEnvelopeTruncatedThenRefusedAsNotSealed() {
        String sealed = box.seal("top secret", ROW);

        for (String truncated : List.of(sealed.substring(0, sealed.lastIndexOf('.')), sealed.substring(0, 20),
                sealed.substring(0, sealed.lastIndexOf('.') + 4), "", "v2" + sealed.substring(2))) {
            assertThatThrownBy(() -> box.open(truncated, ROW))
                    .as(truncated)
                    .isInstanceOf(SecretUnreadableException.class)
                    .hasMessageContaining("is not a sealed value");
        }
    }

    @Test
    void openWhenEnvelopeIsNullOrPlainTextThenRefusedAsNotSealed() {
        assertThatThrownBy(() -> box.open(null, ROW)).isInstanceOf(SecretUnreadableException.class)
                .hasMessageContaining("is not a sealed value");
        assertThatThrownBy(() -> box.open("{\"kty\":\"RSA\"}", ROW)).isInstanceOf(SecretUnreadableException.class)
                .hasMessageContaining("is not a sealed value");
    }

    @Test
    void openWhenSealedWithUnknownKeyThenRefusedNamingTheKeyIdNeeded() {
        SecretBox other = SecretBox.of(TestKeys.fresh(), List.of());
        String sealed = other.seal("top secret", ROW);

        assertThatThrownBy(() -> box.open(sealed, ROW))
                .isInstanceOf(SecretUnreadableException.class)
                .hasMessage("The secret of " + ROW + " is sealed with key id " + other.currentKeyId()
                        + ", which is neither foyer.secrets.key (id " + box.currentKeyId()
                        + ") nor one of foyer.secrets.previous-keys")
                .satisfies(e -> assertThat(((SecretUnreadableException) e).keyId()).contains(other.currentKeyId()))
                .satisfies(e -> assertThat(((SecretsException) e).action()).contains(other.currentKeyId()));
    }

    @Test
    void openWhenSealedWithPreviousKeyThenOpensAndIsNotCurrent() {
        String sealed = box.seal("top secret", ROW);
        SecretBox rotated = SecretBox.of(TestKeys.fresh(), List.of(key));

        assertThat(rotated.open(sealed, ROW)).isEqualTo("top secret");
        assertThat(rotated.isSealedWithCurrentKey(sealed)).isFalse();
        String resealed = rotated.seal("top secret", ROW);
        assertThat(rotated.isSealedWithCurrentKey(resealed)).isTrue();
        assertThatThrownBy(() -> box.open(resealed, ROW)).isInstanceOf(SecretUnreadableException.class);
    }

    @Test
    void currentKeyIdWhenSameKeyThenSameIdAndNeverTheKey() {
        SecretBox again = SecretBox.of(key, List.of());

        assertThat(again.currentKeyId()).isEqualTo(box.currentKeyId()).hasSize(16);
        assertThat(box.toString()).doesNotContain(key).contains(box.currentKeyId());
    }

    @Test
    void ofWhenKeyHasWrongLengthThenRefusedWithoutShowingIt() {
        String short16 = TestKeys.base64(16);

        assertThatThrownBy(() -> SecretBox.of(short16, List.of()))
                .isInstanceOf(SecretsKeyException.class)
                .hasMessage("foyer.secrets.key decodes to 16 bytes; an AES-256 key is 32 bytes")
                .satisfies(e -> assertThat(((SecretsException) e).action()).contains("openssl rand -base64 32"));
    }

    @Test
    void ofWhenKeyIsNotBase64OrEmptyThenRefusedWithoutShowingIt() {
        assertThatThrownBy(() -> SecretBox.of("not*base64!", List.of()))
                .isInstanceOf(SecretsKeyException.class)
                .hasMessage("foyer.secrets.key is not valid base64");
        assertThatThrownBy(() -> SecretBox.of(" ", List.of()))
                .isInstanceOf(SecretsKeyException.class)
                .hasMessage("foyer.secrets.key is empty");
    }

    @Test
    void ofWhenPreviousKeyIsBadThenRefusedNamingWhichOne() {
        assertThatThrownBy(() -> SecretBox.of(key, List.of(TestKeys.fresh(), TestKeys.base64(31))))
                .isInstanceOf(SecretsKeyException.class)
                .hasMessage("foyer.secrets.previous-keys[1] decodes to 31 bytes; an AES-256 key is 32 bytes");
    }
}

package dev.foyer.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class Argon2idPasswordHasherTests {

    private final Argon2idPasswordHasher hasher = new Argon2idPasswordHasher(1024, 1, 1, 16, 32);

    @Test
    void hashWhenCalledThenArgon2idEncodingWithItsParameters() {
        String hash = hasher.hash("correct horse");

        assertThat(hash).startsWith("$argon2id$v=19$m=1024,t=1,p=1$");
        assertThat(hasher.hash("correct horse")).isNotEqualTo(hash);
    }

    @Test
    void matchesWhenSamePasswordThenTrueOtherwiseFalse() {
        String hash = hasher.hash("correct horse");

        assertThat(hasher.matches("correct horse", hash)).isTrue();
        assertThat(hasher.matches("Correct horse", hash)).isFalse();
        assertThat(hasher.matches("", hash)).isFalse();
        assertThat(hasher.matches("correct horse", "not a hash")).isFalse();
    }

    @Test
    void needsRehashWhenParametersRaisedThenTrue() {
        String weak = hasher.hash("pw");
        Argon2idPasswordHasher stronger = new Argon2idPasswordHasher(2048, 2, 1, 16, 32);

        assertThat(hasher.needsRehash(weak)).isFalse();
        assertThat(stronger.needsRehash(weak)).isTrue();
        assertThat(stronger.needsRehash(stronger.hash("pw"))).isFalse();
        assertThat(stronger.matches("pw", weak)).isTrue();
    }

    @Test
    void needsRehashWhenMalformedThenFalse() {
        assertThat(hasher.needsRehash("garbage")).isFalse();
    }

    @Test
    void constructorWhenParametersNonsensicalThenIllegalArgument() {
        assertThatThrownBy(() -> new Argon2idPasswordHasher(4, 1, 1, 16, 32)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Argon2idPasswordHasher(1024, 0, 1, 16, 32)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void maxConcurrentWhenNotSetThenAsManyAsProcessors() {
        assertThat(hasher.availableComputations()).isEqualTo(Runtime.getRuntime().availableProcessors());
    }

    @Test
    void hashAndMatchesWhenBoundedToOneThenEachGivesItsTurnBack() {
        Argon2idPasswordHasher one = new Argon2idPasswordHasher(1024, 1, 1, 16, 32, 1);

        String hash = one.hash("correct horse");

        assertThat(one.matches("correct horse", hash)).isTrue();
        assertThat(one.matches("wrong", hash)).isFalse();
        assertThat(one.matches("correct horse", "not a hash")).isFalse();
        assertThat(one.availableComputations()).isEqualTo(1);
    }

    @Test
    void maxConcurrentWhenNegativeThenRefused() {
        assertThatThrownBy(() -> new Argon2idPasswordHasher(1024, 1, 1, 16, 32, -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("max-concurrent");
    }
}

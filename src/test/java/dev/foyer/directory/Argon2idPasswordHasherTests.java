package dev.foyer.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

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
    void decoyHashWhenMadeThenNothingComputedAndCheckingItCostsOneFullComputationThatNeverMatches() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        hasher.bindTo(meters);

        String decoy = hasher.decoyHash();

        assertThat(meters.get("foyer.passwords.argon2.computations").functionCounter().count()).isZero();
        assertThat(decoy).matches("\\$argon2id\\$v=19\\$m=1024,t=1,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
        assertThat(hasher.decoyHash()).isNotEqualTo(decoy);
        assertThat(hasher.needsRehash(decoy)).isFalse();
        assertThat(hasher.matches("", decoy)).isFalse();
        assertThat(hasher.matches("correct horse", decoy)).isFalse();
        assertThat(meters.get("foyer.passwords.argon2.computations").functionCounter().count()).isEqualTo(2);
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

    // Written by the reference implementation (libargon2's command line tool), not by BouncyCastle.
    @Test
    void matchesWhenHashFromTheReferenceImplementationThenVerifiedWhateverItsTypeAndVersion() {
        assertThat(hasher.matches("password",
                "$argon2id$v=19$m=1024,t=2,p=1$c29tZXNhbHQ$7FfsnA6vUe7qLpL/3Kqc3uR48ZJyFbUVt7jWZlf0Htk")).isTrue();
        assertThat(hasher.matches("correct horse",
                "$argon2id$v=19$m=1024,t=2,p=2$c2FsdHNhbHRzYWx0c2FsdA$/ZLeeEdvUYpPhmNVfaaZPDWlJhn56NfRJekEhmpE3pU"))
                .isTrue();
        assertThat(hasher.matches("password",
                "$argon2i$v=19$m=65536,t=2,p=4$c29tZXNhbHQ$RdescudvJCsgt3ub+b+dWRWJTmaaJObG")).isTrue();
        assertThat(hasher.matches("p\u00e4ssw\u00f6rd",
                "$argon2d$v=16$m=256,t=1,p=1$c29tZXNhbHRzb21lc2FsdA$Qt7XB6XGFhjSzkEMK+sPa8V8DU+nd2lciDYk/ZVOoAg"))
                .isTrue();
        assertThat(hasher.matches("passwort",
                "$argon2id$v=19$m=1024,t=2,p=1$c29tZXNhbHQ$7FfsnA6vUe7qLpL/3Kqc3uR48ZJyFbUVt7jWZlf0Htk")).isFalse();
    }

    @Test
    void hashWhenReadBySpringSecuritysEncoderThenSameFormatBothWays() {
        Argon2PasswordEncoder spring = new Argon2PasswordEncoder(16, 32, 1, 1024, 1);

        assertThat(spring.matches("correct horse", hasher.hash("correct horse"))).isTrue();
        assertThat(hasher.matches("correct horse", spring.encode("correct horse"))).isTrue();
        assertThat(hasher.matches("wrong", spring.encode("correct horse"))).isFalse();
    }

    @Test
    void needsRehashWhenAnotherTypeOrVersionThenTrue() {
        assertThat(hasher.needsRehash(
                "$argon2i$v=19$m=65536,t=2,p=4$c29tZXNhbHQ$RdescudvJCsgt3ub+b+dWRWJTmaaJObG")).isTrue();
        assertThat(hasher.needsRehash(
                "$argon2d$v=16$m=256,t=1,p=1$c29tZXNhbHRzb21lc2FsdA$Qt7XB6XGFhjSzkEMK+sPa8V8DU+nd2lciDYk/ZVOoAg"))
                .isTrue();
    }

    @Test
    void matchesWhenHashTamperedOrTruncatedThenFalse() {
        String hash = hasher.hash("correct horse");
        String[] parts = hash.split("\\$");
        char last = parts[5].charAt(0);
        String flipped = hash.substring(0, hash.lastIndexOf('$') + 1) + (last == 'A' ? 'B' : 'A') + parts[5].substring(1);

        assertThat(hasher.matches("correct horse", flipped)).isFalse();
        assertThat(hasher.matches("correct horse", hash.replace("t=1", "t=2"))).isFalse();
        assertThat(hasher.matches("correct horse", hash.substring(0, hash.length() - 4))).isFalse();
        assertThat(hasher.matches("correct horse", hash.replace("m=1024", "m=4"))).isFalse();
        assertThat(hasher.matches("correct horse", hash.replace("$v=19", "$v=20"))).isFalse();
        assertThat(hasher.matches("correct horse", null)).isFalse();
        assertThat(hasher.matches("correct horse", "$argon2id$v=19$m=1024,t=1,p=1$$")).isFalse();
    }

    @Test
    void hashWhenPasswordIsNotUnicodeTextThenRefusedAndNeverMatched() {
        String loneSurrogate = "pass\ud800word";

        assertThatThrownBy(() -> hasher.hash(loneSurrogate)).isInstanceOf(IllegalArgumentException.class);
        assertThat(hasher.matches(loneSurrogate, hasher.hash("pass?word"))).isFalse();
    }

    @Test
    void hashAndMatchesWhenRepeatedThenTheSameMemoryServesEveryCheck() {
        Argon2idPasswordHasher one = new Argon2idPasswordHasher(1024, 1, 1, 16, 32, 1);
        String hash = one.hash("correct horse");

        for (int i = 0; i < 5; i++) {
            assertThat(one.matches("correct horse", hash)).isTrue();
            assertThat(one.matches("wrong " + i, hash)).isFalse();
        }

        assertThat(one.heldBlocks()).isEqualTo(1024 + 4);
    }

    @Test
    void matchesWhenStoredHashUsesMoreMemoryThanConfiguredThenStillVerifiedAndTheExtraNotKept() {
        Argon2idPasswordHasher small = new Argon2idPasswordHasher(64, 1, 1, 16, 32, 1);
        String large = hasher.hash("correct horse");

        assertThat(small.matches("correct horse", large)).isTrue();
        assertThat(small.matches("correct horse", small.hash("correct horse"))).isTrue();
        assertThat(small.heldBlocks()).isEqualTo(64 + 4);
    }

    @Test
    void matchesWhenManyThreadsAtOnceThenEachComputesWithItsOwnMemory() throws Exception {
        Argon2idPasswordHasher two = new Argon2idPasswordHasher(256, 1, 1, 16, 32, 2);
        List<String> hashes = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            hashes.add(two.hash("password " + i));
        }
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> checks = new ArrayList<>();
            for (int round = 0; round < 5; round++) {
                for (int i = 0; i < 8; i++) {
                    int user = i;
                    checks.add(threads.submit(() -> {
                        start.await();
                        return two.matches("password " + user, hashes.get(user))
                                && !two.matches("password " + user, hashes.get((user + 1) % 8));
                    }));
                }
            }
            start.countDown();
            for (Future<Boolean> check : checks) {
                assertThat(check.get(60, TimeUnit.SECONDS)).isTrue();
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(two.availableComputations()).isEqualTo(2);
        assertThat(two.heldBlocks()).isEqualTo(2 * (256 + 4));
    }

    @Test
    void bindToWhenHashesComputedThenCountedWithTheirCpuTime() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        hasher.bindTo(meters);

        String hash = hasher.hash("correct horse");
        hasher.matches("correct horse", hash);
        hasher.matches("correct horse", "not a hash");

        assertThat(meters.get("foyer.passwords.argon2.computations").functionCounter().count()).isEqualTo(2);
        assertThat(meters.get("foyer.passwords.argon2.cpu").functionCounter().count()).isPositive();
        assertThat(meters.get("foyer.passwords.argon2.idle").gauge().value())
                .isEqualTo(Runtime.getRuntime().availableProcessors());
    }
}

package dev.foyer.lockout;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The lockout rules on one sign-in name, without a database. */
class LockoutStateTests {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final Duration DAY = Duration.ofDays(1);
    private static final LockoutSettings DEFAULTS = new LockoutSettings(null, null, null, null, null);

    @Test
    void afterWrongPasswordWhenTheTenthDistinctOneThenLocksForOneMinute() {
        LockoutState state = LockoutState.fresh();
        for (int i = 1; i < 10; i++) {
            LockoutState.Failure failure = state.afterWrongPassword("wrong-" + i, T0, DEFAULTS, DAY);
            assertThat(failure.effect()).as("failure " + i).isEqualTo(LockoutState.Effect.COUNTED);
            state = failure.after();
        }
        assertThat(state.lockedAt(T0)).isFalse();

        LockoutState.Failure tenth = state.afterWrongPassword("wrong-10", T0, DEFAULTS, DAY);

        assertThat(tenth.effect()).isEqualTo(LockoutState.Effect.LOCKED);
        assertThat(tenth.after().lockedUntil()).isEqualTo(T0.plusSeconds(60));
        assertThat(tenth.after().lockedAt(T0.plusSeconds(59))).isTrue();
        assertThat(tenth.after().lockedAt(T0.plusSeconds(60))).isFalse();
    }

    @Test
    void afterWrongPasswordWhenEachLockoutEndsThenTheNextFailureLocksTwiceAsLongUpToTheMaximum() {
        LockoutSettings settings = new LockoutSettings(3, 60, 300, null, null);
        LockoutState state = failTimes(LockoutState.fresh(), 3, T0, settings);
        assertThat(state.lockedUntil()).isEqualTo(T0.plusSeconds(60));
        Instant now = state.lockedUntil();
        long[] expected = {120, 240, 300, 300};
        for (int i = 0; i < expected.length; i++) {
            LockoutState.Failure failure = state.afterWrongPassword("again-" + i, now, settings, DAY);
            assertThat(failure.effect()).as("lockout " + (i + 2)).isEqualTo(LockoutState.Effect.LOCKED);
            assertThat(Duration.between(now, failure.after().lockedUntil()).toSeconds()).isEqualTo(expected[i]);
            state = failure.after();
            now = state.lockedUntil();
        }
        assertThat(state.lockouts()).isEqualTo(5);
    }

    @Test
    void lockoutWhenDefaultThenDoublesFromOneMinuteToAtMostFourHours() {
        assertThat(DEFAULTS.lockout(1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(DEFAULTS.lockout(2)).isEqualTo(Duration.ofMinutes(2));
        assertThat(DEFAULTS.lockout(3)).isEqualTo(Duration.ofMinutes(4));
        assertThat(DEFAULTS.lockout(8)).isEqualTo(Duration.ofMinutes(128));
        assertThat(DEFAULTS.lockout(9)).isEqualTo(Duration.ofHours(4));
        assertThat(DEFAULTS.lockout(1000)).isEqualTo(Duration.ofHours(4));
    }

    @Test
    void afterWrongPasswordWhenTheSameWrongPasswordAgainThenNotCounted() {
        LockoutState state = LockoutState.fresh().afterWrongPassword("Tr0ub4dor&3", T0, DEFAULTS, DAY).after();
        for (int i = 0; i < 20; i++) {
            LockoutState.Failure again = state.afterWrongPassword("Tr0ub4dor&3", T0.plusSeconds(i), DEFAULTS, DAY);
            assertThat(again.effect()).isEqualTo(LockoutState.Effect.REPEATED);
            assertThat(again.after()).isSameAs(state);
        }
        assertThat(state.failures()).isEqualTo(1);
    }

    @Test
    void afterWrongPasswordWhenARepeatIsOlderThanTheLastFiveThenCountsAgain() {
        LockoutState state = failTimes(LockoutState.fresh(), 6, T0, DEFAULTS);

        assertThat(state.afterWrongPassword("wrong-1", T0, DEFAULTS, DAY).effect())
                .as("six wrong passwords ago").isEqualTo(LockoutState.Effect.COUNTED);
        assertThat(state.afterWrongPassword("wrong-2", T0, DEFAULTS, DAY).effect())
                .as("five wrong passwords ago").isEqualTo(LockoutState.Effect.REPEATED);
    }

    @Test
    void afterWrongPasswordWhenTheLastFailureIsOlderThanTheResetWindowThenStartsOver() {
        LockoutSettings settings = new LockoutSettings(3, null, null, null, null);
        LockoutState state = failTimes(LockoutState.fresh(), 3, T0, settings);
        assertThat(state.lockouts()).isEqualTo(1);

        LockoutState.Failure later = state.afterWrongPassword("wrong-1", T0.plus(DAY), settings, DAY);

        assertThat(later.effect()).as("the old wrong passwords are forgotten too").isEqualTo(LockoutState.Effect.COUNTED);
        assertThat(later.after().failures()).isEqualTo(1);
        assertThat(later.after().lockouts()).isZero();
    }

    @Test
    void afterWrongPasswordWhenItRacedALockoutThenCountsWithoutLockingAgain() {
        LockoutSettings settings = new LockoutSettings(3, null, null, null, null);
        LockoutState locked = failTimes(LockoutState.fresh(), 3, T0, settings);

        LockoutState.Failure raced = locked.afterWrongPassword("checked-before-the-lockout", T0, settings, DAY);

        assertThat(raced.effect()).isEqualTo(LockoutState.Effect.COUNTED);
        assertThat(raced.after().failures()).isEqualTo(4);
        assertThat(raced.after().lockouts()).isEqualTo(1);
        assertThat(raced.after().lockedUntil()).isEqualTo(locked.lockedUntil());
    }

    @Test
    void violationsNameEachBadField() {
        assertThat(DEFAULTS.violations()).isEmpty();
        assertThat(new LockoutSettings(0, 0, null, 0, 59).violations())
                .containsOnlyKeys("threshold", "lockoutSeconds", "failuresPerIp", "ipWindowSeconds");
        assertThat(new LockoutSettings(null, 600, 300, null, null).violations()).containsOnlyKeys("maxLockoutSeconds");
        assertThat(new LockoutSettings(1001, 86_401, 86_401, 100_001, 86_401).violations())
                .containsOnlyKeys("threshold", "lockoutSeconds", "maxLockoutSeconds", "failuresPerIp", "ipWindowSeconds");
    }

    private static LockoutState failTimes(LockoutState state, int times, Instant now, LockoutSettings settings) {
        for (int i = 1; i <= times; i++) {
            state = state.afterWrongPassword("wrong-" + i, now, settings, DAY).after();
        }
        return state;
    }
}

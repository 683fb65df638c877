package dev.foyer.lockout;

import java.time.Duration;
import java.time.Instant;

/**
 * Where one sign-in name stands: wrong passwords counted since the last success, lockouts so far
 * (each one longer than the last), until when it is locked, and the last wrong passwords.
 */
record LockoutState(int failures, int lockouts, Instant lockedUntil, Instant lastFailureAt, WrongPasswords recent) {

    /** What a wrong password did. */
    enum Effect {
        /** The same as one of the last wrong passwords: not counted again. */
        REPEATED,
        /** Counted; the name is not (newly) locked. */
        COUNTED,
        /** Counted, and the name is now locked: a lockout began. */
        LOCKED
    }

    record Failure(LockoutState after, Effect effect) {
    }

    static LockoutState fresh() {
        return new LockoutState(0, 0, null, null, WrongPasswords.none());
    }

    boolean lockedAt(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    /**
     * The state after a wrong password at {@code now}. A name whose last failure is older than
     * {@code forgetAfter} starts over. Reaching the threshold locks the name; after a lockout ends,
     * each new wrong password locks it again, for twice as long. A failure that raced a lockout
     * (checked before it began) is counted but does not lock again.
     */
    Failure afterWrongPassword(CharSequence password, Instant now, LockoutSettings settings, Duration forgetAfter) {
        LockoutState from = forgotten(now, forgetAfter) ? fresh() : this;
        if (from.recent.contains(password)) {
            return new Failure(from, Effect.REPEATED);
        }
        int counted = from.failures + 1;
        WrongPasswords remembered = from.recent.plus(password);
        if (counted >= settings.threshold() && !from.lockedAt(now)) {
            int lockout = from.lockouts + 1;
            return new Failure(new LockoutState(counted, lockout, now.plus(settings.lockout(lockout)), now, remembered),
                    Effect.LOCKED);
        }
        return new Failure(new LockoutState(counted, from.lockouts, from.lockedUntil, now, remembered), Effect.COUNTED);
    }

    private boolean forgotten(Instant now, Duration forgetAfter) {
        return lastFailureAt != null && !lockedAt(now) && !now.isBefore(lastFailureAt.plus(forgetAfter));
    }
}

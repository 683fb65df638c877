/**
 * Sign-in protection: smart lockout of a sign-in name after repeated wrong passwords (each lockout
 * longer than the last, the same wrong password counted once, a success starting over) and a
 * throttle of failed sign-ins per client address across names (password spraying).
 * {@link dev.foyer.lockout.SignInLockout} is the entry point: the sign-in step asks it before
 * checking a password and tells it the outcome; administrators unlock through it; a password reset
 * clears a name with {@link dev.foyer.lockout.SignInLockout#reset}. State is per tenant in the
 * database (one row per sign-in name, updated under its row lock; the address counts in
 * {@link dev.foyer.security.RateLimits}), so every node sees the same. Rules come from
 * {@link dev.foyer.lockout.LockoutSettings}: {@code foyer.sign-in.*}, overridden by a tenant's
 * setting {@code signInLockout}. Depends on {@code tenant}, {@code directory}, {@code security} and
 * {@code audit}.
 */
package dev.foyer.lockout;

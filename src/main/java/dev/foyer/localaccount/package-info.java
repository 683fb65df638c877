/**
 * Local accounts in user flows: the steps that sign a user in with email and password, prove a new
 * user's email with a one-time code, and create the account with the flow's attributes. Each is a
 * {@link dev.foyer.journey.Step}; the journey engine decides when they run. Each outcome (sign-in
 * succeeded or failed, email code sent, verified or refused, account created) is recorded in the
 * audit log in the submit's transaction. Depends on {@code journey} (the step contract),
 * {@code directory}, {@code lockout}, {@code messaging}, {@code security} and {@code audit}.
 */
package dev.foyer.localaccount;

/**
 * Local accounts in user flows: the steps that sign a user in with email and password, prove an
 * email with a one-time code, create the account with the flow's attributes, reset a forgotten
 * password, and let a signed-in user edit their profile (whose "Change phone number" hands over to
 * {@code mfa.phone}, and "Linked accounts" to {@code federation}). Each is a {@link dev.foyer.journey.Step}; the journey engine decides when they run, and
 * each decides from the path the user is on (sign in, sign up, forgot password — chosen on the
 * sign-in page or implied by the flow's type) whether it has anything to do. Each outcome (sign-in
 * succeeded or failed, email code sent, verified or refused, account created, password reset,
 * profile updated) is
 * recorded in the audit log in the submit's transaction. The sign-in page also shows the buttons of
 * other ways to sign in that another feature contributes through
 * {@link dev.foyer.journey.ExternalSignIns} (federation's identity providers); a button only records
 * the choice. Depends on {@code journey} (the step contract),
 * {@code directory}, {@code lockout}, {@code messaging}, {@code security}, {@code audit} and
 * {@code mfa.phone} (only to know whether the user has a phone number to change); never on
 * {@code federation}.
 */
package dev.foyer.localaccount;

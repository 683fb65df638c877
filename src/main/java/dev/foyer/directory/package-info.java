/**
 * The directory: users, the identities they sign in with, and their passwords. {@link
 * dev.foyer.directory.Accounts} is the entry point: sign-up hashes the password and writes the user,
 * its local identity and its password through the {@link dev.foyer.directory.UserRepository} port
 * in one transaction; sign-in verifies a password without revealing whether the account exists and
 * quietly upgrades hashes made with weaker parameters. Value types ({@link
 * dev.foyer.directory.EmailAddress}, {@link dev.foyer.directory.PasswordPolicy}) hold the input
 * rules so callers can check input before anything is written. The JDBC adapter reads the tenant
 * from {@link dev.foyer.tenant.TenantContext} and stamps and filters every row with it. Depends only
 * on {@code tenant}.
 */
package dev.foyer.directory;

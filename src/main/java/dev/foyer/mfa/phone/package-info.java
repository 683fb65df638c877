/**
 * MFA by phone: numbers parsed and checked with libphonenumber, verified numbers attached to the
 * account, and codes sent by SMS or read out by a voice call through the messaging outbox. Codes
 * sent, verified or refused, enrollments and removals ({@link dev.foyer.mfa.phone.PhoneMethodAdministration})
 * are recorded in the audit log with the number masked.
 */
package dev.foyer.mfa.phone;

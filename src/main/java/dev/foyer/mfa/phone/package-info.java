/**
 * MFA by phone: numbers parsed and checked with libphonenumber, verified numbers attached to the
 * account, and codes sent by SMS or read out by a voice call through the messaging outbox. A
 * profile editing flow changes the number ({@link dev.foyer.mfa.phone.PhoneChangeStep}): the
 * current number proven first, then the new one, through the same sending code. Codes
 * sent, verified or refused, enrollments and removals ({@link dev.foyer.mfa.phone.PhoneMethodAdministration})
 * are recorded in the audit log with the number masked. Toll-fraud defences guard every send:
 * the tenant's country list, a growing wait within a journey, and caps per number, client address
 * and tenant held in the database ({@link dev.foyer.mfa.phone.PhoneCodeLimits}, read through
 * {@link dev.foyer.mfa.phone.PhoneLimitSettings}); each refusal is audited and counted.
 */
package dev.foyer.mfa.phone;

/**
 * MFA by phone: numbers parsed and checked with libphonenumber, verified numbers attached to the
 * account, and codes sent by SMS or read out by a voice call through the messaging outbox.
 */
package dev.foyer.mfa.phone;

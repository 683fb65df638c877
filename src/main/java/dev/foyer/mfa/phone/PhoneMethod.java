package dev.foyer.mfa.phone;

import java.time.Instant;
import java.util.UUID;

/** A phone number proven by its owner and attached to their account for later sign-ins. */
public record PhoneMethod(UUID id, PhoneNumber number, Instant verifiedAt) {
}

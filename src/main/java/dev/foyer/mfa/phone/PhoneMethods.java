package dev.foyer.mfa.phone;

import java.util.List;
import java.util.UUID;

/** Port: the verified phone numbers of the current tenant's users. */
public interface PhoneMethods {

    /**
     * The journey choice (see {@link dev.foyer.journey.StepContext#choose}) of a user who asked, on
     * the profile page, to change their phone number.
     */
    String CHANGE_PHONE_CHOICE = "changePhone";

    /** The user's verified numbers, oldest first. */
    List<PhoneMethod> verified(UUID objectId);

    /** Attaches a number the user just proved; attaching the same number again changes nothing. */
    PhoneMethod attach(UUID objectId, PhoneNumber number);

    void delete(UUID objectId, UUID methodId);
}

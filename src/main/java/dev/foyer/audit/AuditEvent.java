package dev.foyer.audit;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One recorded event, as read back from the log.
 *
 * @param id            unique id, also the paging cursor of {@link AuditQuery#olderThan}
 * @param tenantId      the tenant it happened in
 * @param at            when it was recorded
 * @param type          a stable dotted name, e.g. {@code signIn.failed} (the constants below)
 * @param actor         who did it: {@code user:<objectId>}, {@code admin:<objectId>},
 *                      {@code client:<clientId>} or {@code anonymous} (see {@link AuditActor})
 * @param subjectUserId the user it concerns, if any
 * @param target        what it acted on, e.g. the email address typed or a masked phone number
 * @param details       plain JSON values; for admin changes {@code resource}, {@code action},
 *                      {@code before} and {@code after}
 */
public record AuditEvent(UUID id, UUID tenantId, Instant at, String type, String actor, UUID subjectUserId,
                         String target, Map<String, Object> details) {

    // The types Foyer records today. The list is open: a feature may record a dotted type of its own.
    public static final String SIGN_IN_SUCCEEDED = "signIn.succeeded";
    public static final String SIGN_IN_FAILED = "signIn.failed";
    public static final String SIGN_IN_LOCKED_OUT = "signIn.lockedOut";
    public static final String SIGN_IN_REFUSED_LOCKED = "signIn.refusedLocked";
    public static final String SIGN_IN_THROTTLED = "signIn.throttled";
    public static final String SIGN_IN_UNLOCKED = "signIn.unlocked";
    public static final String SIGN_UP_SUCCEEDED = "signUp.succeeded";
    public static final String PASSWORD_RESET_REQUESTED = "password.resetRequested";
    public static final String PASSWORD_RESET = "password.reset";
    public static final String EMAIL_CODE_SENT = "email.codeSent";
    public static final String EMAIL_CODE_VERIFIED = "email.codeVerified";
    public static final String EMAIL_CODE_FAILED = "email.codeFailed";
    public static final String MFA_CODE_SENT = "mfa.codeSent";
    public static final String MFA_CODE_VERIFIED = "mfa.codeVerified";
    public static final String MFA_CODE_FAILED = "mfa.codeFailed";
    /** A phone code not sent because a limit refused it; details name the limit as {@code reason}. */
    public static final String MFA_CODE_REFUSED = "mfa.code.refused";
    public static final String MFA_ENROLLED = "mfa.enrolled";
    public static final String MFA_PHONE_REMOVED = "mfa.phoneRemoved";
    /** A user replaced their phone number; details hold both numbers masked. */
    public static final String MFA_PHONE_CHANGED = "mfa.phoneChanged";
    /** A user edited their profile; details name the changed attributes ({@code changed}), never their values. */
    public static final String PROFILE_UPDATED = "profile.updated";
    public static final String ADMIN_CHANGE = "admin.change";

    public AuditEvent {
        details = details == null ? Map.of() : details;
    }
}

package dev.foyer.audit;

import java.util.UUID;

/** How an event names who did it, so every feature spells actors the same way. */
public final class AuditActor {

    /** Nobody identified yet, e.g. a failed sign-in or a sign-up before the account exists. */
    public static final String ANONYMOUS = "anonymous";

    private AuditActor() {
    }

    /** A user acting for themselves on the hosted pages. */
    public static String user(UUID objectId) {
        return "user:" + objectId;
    }

    /** An administrator, by their object id. */
    public static String admin(UUID objectId) {
        return "admin:" + objectId;
    }

    /** An application acting with its own credentials. */
    public static String client(String clientId) {
        return "client:" + clientId;
    }

    /** Whether {@code actor} has one of the shapes above. */
    static boolean isValid(String actor) {
        if (actor == null || actor.length() > AuditRecord.MAX_ACTOR) {
            return false;
        }
        if (ANONYMOUS.equals(actor)) {
            return true;
        }
        int colon = actor.indexOf(':');
        String kind = colon < 0 ? "" : actor.substring(0, colon);
        return (kind.equals("user") || kind.equals("admin") || kind.equals("client"))
                && actor.length() > colon + 1 && actor.chars().noneMatch(Character::isWhitespace);
    }
}

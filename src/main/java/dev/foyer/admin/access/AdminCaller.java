package dev.foyer.admin.access;

/**
 * Who is calling the admin API or using the portal.
 *
 * @param kind     {@code ADMIN} (a signed-in administrator) or {@code CLIENT} (automation)
 * @param id       the administrator's object id or the application's client id
 * @param name     for people: the administrator's email or the application's name
 * @param readOnly whether the caller may only read
 */
public record AdminCaller(Kind kind, String id, String name, boolean readOnly) {

    /** The request attribute under which API controllers find the caller. */
    public static final String ATTRIBUTE = "dev.foyer.admin.access.AdminCaller";

    public enum Kind { ADMIN, CLIENT }

    /** How the audit log names this caller, e.g. {@code admin:<objectId>}. */
    public String actor() {
        return (kind == Kind.ADMIN ? "admin:" : "client:") + id;
    }
}

/**
 * Who may administer. Administrators are the users of the built-in {@code system} tenant; they sign
 * in to the portal through Foyer's own sign-in-only flow {@code B2C_1_admin}, which requires MFA,
 * and the portal keeps a server-side session. Automation calls the REST API with access tokens of
 * that flow: client-credentials tokens of a system-tenant application granted {@code foyer.admin}
 * (or {@code foyer.admin.read}), or an administrator's own token proving MFA. The first
 * administrator comes from the environment or from a one-time setup link printed to the log.
 */
package dev.foyer.admin.access;

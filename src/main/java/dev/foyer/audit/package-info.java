/**
 * The audit log: who did what, to whom, and when — every sign-in outcome, one-time code sent,
 * verified or refused, MFA enrollment, phone removal and (through the admin API) every admin change
 * with its before and after. Features call {@link dev.foyer.audit.AuditLog#record} inside the
 * transaction of the state change they describe, so an event commits with the change or not at all;
 * the JDBC adapter stamps the tenant in scope and the time. Administrators read events through
 * {@link dev.foyer.audit.AuditLog#query} (time range, user, type; newest first, paged).
 * <p>
 * The log is append-only: no code in Foyer updates or deletes an event, and the port offers no way
 * to. Keeping events for a bounded time (retention, purging, archiving) is the operator's job, done
 * in the database, e.g. {@code delete from audit_event where occurred_at < ...}.
 * <p>
 * Events never hold secrets: no one-time codes, passwords or client secrets, and phone numbers only
 * masked ({@code +1 XXX-XXX-0123}). Callers build the details; {@link dev.foyer.audit.AuditRecord}
 * accepts only plain JSON values so that no object can bring fields of its own.
 * <p>
 * Depends only on {@code dev.foyer.tenant}; {@code journey}, {@code localaccount}, {@code mfa} and
 * (later) {@code admin} depend on it.
 */
package dev.foyer.audit;

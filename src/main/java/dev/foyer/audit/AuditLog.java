package dev.foyer.audit;

import java.util.List;

/**
 * Port: the current tenant's audit log. Append and read only — there is deliberately no way to
 * change or remove an event (retention is the operator's job, see the package documentation).
 */
public interface AuditLog {

    /**
     * Appends an event for the current tenant, stamped with the time. Joins the caller's
     * transaction: the event commits or rolls back with the change it describes.
     */
    void record(AuditRecord record);

    /** The current tenant's events that match {@code query}, newest first. */
    List<AuditEvent> query(AuditQuery query);
}

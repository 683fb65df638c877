package dev.foyer.tenant;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The tenant the current request (or task) acts for. Persistence adapters read it to stamp and
 * filter every row, so callers never pass a tenant id around and cannot cross tenants by mistake.
 */
public final class TenantContext {

    private static final ThreadLocal<Tenant> CURRENT = new ThreadLocal<>();

    private TenantContext() {
    }

    /** The current tenant; fails loudly when code that needs a tenant runs outside one. */
    public static Tenant current() {
        Tenant tenant = CURRENT.get();
        if (tenant == null) {
            throw new IllegalStateException("No tenant in scope");
        }
        return tenant;
    }

    public static UUID currentId() {
        return current().id();
    }

    public static Optional<Tenant> find() {
        return Optional.ofNullable(CURRENT.get());
    }

    /** Runs {@code work} with {@code tenant} in scope, restoring whatever was in scope before. */
    public static <T> T call(Tenant tenant, Supplier<T> work) {
        Tenant previous = CURRENT.get();
        CURRENT.set(tenant);
        try {
            return work.get();
        } finally {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }

    /** Puts {@code tenant} in scope until the returned scope is closed. */
    public static Scope open(Tenant tenant) {
        Tenant previous = CURRENT.get();
        CURRENT.set(tenant);
        return () -> {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        };
    }

    /** A tenant scope; closing it restores the previous one. */
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    public static void run(Tenant tenant, Runnable work) {
        call(tenant, () -> {
            work.run();
            return null;
        });
    }
}

package dev.foyer.tenant;

import java.util.UUID;

/**
 * A directory: an isolated set of applications, users, user flows and keys.
 *
 * @param id          the tenant's GUID, usable in every URL instead of the name
 * @param name        canonical (lower-case) name, e.g. {@code contoso}
 * @param displayName what people see
 */
public record Tenant(UUID id, String name, String displayName) {
}

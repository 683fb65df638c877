/**
 * The admin REST API under {@code /admin/api/v1}: JSON resources for tenants, applications,
 * identity providers, user flows, users (with their methods and identities), custom attributes,
 * keys and the audit log. Every handler runs behind {@link dev.foyer.admin.access.AdminAccess}
 * and finds the caller in the request attribute {@link dev.foyer.admin.access.AdminCaller#ATTRIBUTE}.
 */
package dev.foyer.admin.api;

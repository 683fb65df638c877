/**
 * The admin portal under {@code /admin}: server-rendered pages, usable without JavaScript, for
 * administrators signed in through the system tenant's flow, behind
 * {@link dev.foyer.admin.access.AdminPortalAccess} (session; CSRF token on every form post).
 * Controllers are thin: they find the tenant ({@code PortalTenants}, never the system tenant) and
 * the flow ({@code PortalFlows}), turn a form into typed values ({@code PropertiesForm}), and call
 * {@link dev.foyer.admin.manage.FlowAdministration} for user flows,
 * {@link dev.foyer.admin.manage.IdentityProviderAdministration} for identity providers, or the
 * features' own ports (applications, users, phone methods, signing keys) inside the tenant's
 * {@link dev.foyer.tenant.TenantContext}. A save redirects to its page with a success message, or
 * shows the page again with each error next to its field and nothing saved.
 */
package dev.foyer.admin.portal;

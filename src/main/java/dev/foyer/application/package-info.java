/**
 * App registrations: the OpenID Connect clients of a tenant, their exact-match redirect URIs and,
 * for web applications, their client secrets. {@link dev.foyer.application.ApplicationRepository}
 * checks a registration against {@link dev.foyer.application.RedirectUriRules} before anything is
 * written; {@link dev.foyer.application.ClientSecrets} hands out a secret once and keeps only its
 * hash. The JDBC adapters read the tenant from {@link dev.foyer.tenant.TenantContext} and filter every
 * row by it, so an application of one tenant is invisible from another. Depends only on
 * {@code tenant}.
 */
package dev.foyer.application;

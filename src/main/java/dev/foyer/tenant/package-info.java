/**
 * Tenants (directories): who they are, how a request finds its tenant, and the
 * {@link dev.foyer.tenant.TenantContext} that persistence adapters read to stamp and filter rows.
 * Depends on nothing else in Foyer; everything else may depend on it.
 */
package dev.foyer.tenant;

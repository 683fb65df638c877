/**
 * The admin portal under {@code /admin}: server-rendered pages for administrators signed in
 * through the system tenant's flow, behind {@link dev.foyer.admin.access.AdminPortalAccess}.
 */
package dev.foyer.admin.portal;

/**
 * Administration: the built-in system tenant whose users are the administrators, how they and
 * automation prove it ({@code admin.access}), the REST API under {@code /admin/api/v1}
 * ({@code admin.api}) and the portal under {@code /admin} ({@code admin.portal}). Administration
 * sits on top: it may depend on every feature; no feature depends on it.
 */
package dev.foyer.admin;

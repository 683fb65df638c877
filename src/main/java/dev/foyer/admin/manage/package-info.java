/**
 * What administrators can do, whichever door they come through (the REST API or the portal): one
 * service per resource that validates, changes and records the change in the audit log. Errors are
 * values: {@link dev.foyer.admin.manage.InvalidInputException} names each bad field.
 */
package dev.foyer.admin.manage;

package dev.foyer.admin.api;

/**
 * A JSON body the admin API reads. Such a body is read strictly: a field it does not know — a typo
 * in a PATCH, say — is refused with 400 naming the field, instead of being dropped while the
 * request "succeeds" (see {@link StrictRequestBodies}).
 */
interface JsonRequestBody {
}

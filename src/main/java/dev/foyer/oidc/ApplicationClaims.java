package dev.foyer.oidc;

import dev.foyer.directory.User;
import dev.foyer.tenant.Tenant;
import dev.foyer.userflow.UserFlowDefinition;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The claims a flow's "Application claims" select, read from the user. Absent values are left out.
 * A social user's {@code email} is the address its provider gave ({@link User#contactEmail()}).
 */
final class ApplicationClaims {

    private ApplicationClaims() {
    }

    /** @param idp the upstream issuer the user signed in at; null for a local account */
    static Map<String, Object> of(UserFlowDefinition flow, User user, Tenant tenant, boolean newUser, String idp) {
        Map<String, Object> claims = new LinkedHashMap<>();
        for (String name : flow.applicationClaims()) {
            Object value = switch (name) {
                case "emails" -> user.contactEmail().map(List::of).orElse(null);
                case "email" -> user.contactEmail().orElse(null);
                case "name" -> user.displayName();
                case "given_name" -> user.givenName();
                case "family_name" -> user.surname();
                case "oid" -> user.objectId().toString();
                case "tid" -> tenant.id().toString();
                case "idp" -> idp != null ? idp : UserFlowDefinition.LOCAL_ACCOUNT;
                case "newUser" -> newUser ? Boolean.TRUE : null;
                default -> name.startsWith("extension_") ? user.extensions().get(name) : null;
            };
            if (value != null) {
                claims.put(name, value);
            }
        }
        return claims;
    }
}

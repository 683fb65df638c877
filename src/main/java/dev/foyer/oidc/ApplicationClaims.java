package dev.foyer.oidc;

import dev.foyer.directory.User;
import dev.foyer.tenant.Tenant;
import dev.foyer.userflow.UserFlowDefinition;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The claims a flow's "Application claims" select, read from the user. Absent values are left out. */
final class ApplicationClaims {

    private ApplicationClaims() {
    }

    static Map<String, Object> of(UserFlowDefinition flow, User user, Tenant tenant, boolean newUser) {
        Map<String, Object> claims = new LinkedHashMap<>();
        for (String name : flow.applicationClaims()) {
            Object value = switch (name) {
                case "emails" -> user.email().map(List::of).orElse(null);
                case "email" -> user.email().orElse(null);
                case "name" -> user.displayName();
                case "given_name" -> user.givenName();
                case "family_name" -> user.surname();
                case "oid" -> user.objectId().toString();
                case "tid" -> tenant.id().toString();
                case "idp" -> UserFlowDefinition.LOCAL_ACCOUNT;
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

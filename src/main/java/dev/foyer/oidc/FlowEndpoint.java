package dev.foyer.oidc;

import dev.foyer.tenant.Tenant;
import dev.foyer.userflow.TokenCompatibility;
import dev.foyer.userflow.UserFlow;

/**
 * The protocol endpoints of one user flow of one tenant, as seen from one origin.
 *
 * @param origin scheme, host and port with no trailing slash, e.g. {@code https://localhost:8443}
 */
record FlowEndpoint(String origin, Tenant tenant, UserFlow flow) {

    /** Base of every endpoint: {@code {origin}/{tenant}/{policy}} in canonical (lower) case. */
    String base() {
        return origin + "/" + tenant.name() + "/" + flow.canonicalName();
    }

    /** The issuer: per flow (the base of the flow's discovery URL) or B2C's tenant-wide form. */
    String issuer() {
        if (flow.properties().tokenCompatibility().issuer() == TokenCompatibility.IssuerFormat.TENANT) {
            return origin + "/" + tenant.id() + "/v2.0/";
        }
        return base() + "/v2.0";
    }

    String discovery() {
        return base() + "/v2.0/.well-known/openid-configuration";
    }

    String authorize() {
        return base() + "/oauth2/v2.0/authorize";
    }

    String token() {
        return base() + "/oauth2/v2.0/token";
    }

    String logout() {
        return base() + "/oauth2/v2.0/logout";
    }

    String keys() {
        return base() + "/discovery/v2.0/keys";
    }

    String userinfo() {
        return base() + "/openid/v2.0/userinfo";
    }

    /** The path (no origin) the journey returns to when it ends. */
    String resumePath() {
        return "/" + tenant.name() + "/" + flow.canonicalName() + "/oauth2/v2.0/authorize/resume";
    }
}

package dev.foyer.oidc;

/**
 * A protocol error as a value: an RFC 6749 / OIDC error code, a description for the developer,
 * and the HTTP status the token-style endpoints answer with.
 */
record OAuthError(String code, String description, int status) {

    static OAuthError invalidRequest(String description) {
        return new OAuthError("invalid_request", description, 400);
    }

    static OAuthError invalidGrant(String description) {
        return new OAuthError("invalid_grant", description, 400);
    }

    static OAuthError invalidClient(String description) {
        return new OAuthError("invalid_client", description, 401);
    }

    static OAuthError invalidScope(String description) {
        return new OAuthError("invalid_scope", description, 400);
    }

    static OAuthError unsupportedResponseType(String description) {
        return new OAuthError("unsupported_response_type", description, 400);
    }

    static OAuthError unsupportedGrantType(String description) {
        return new OAuthError("unsupported_grant_type", description, 400);
    }

    static OAuthError invalidToken(String description) {
        return new OAuthError("invalid_token", description, 401);
    }
}

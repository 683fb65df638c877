package dev.foyer.oidc;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.springframework.util.MultiValueMap;

/**
 * A token request as typed values, read from the form and the {@code Authorization} header before
 * anything is looked up: who claims to be the client and how, which grant, and that grant's
 * parameters. Everything that can be refused without the database is refused here.
 *
 * @param client       the client credentials as presented, not yet checked
 * @param code         for {@code authorization_code}; never blank then
 * @param refreshToken for {@code refresh_token}; never blank then
 */
record TokenRequest(GrantType grantType, ClientCredentials client, String code, String redirectUri,
                    String codeVerifier, String refreshToken, String scope) {

    enum GrantType {
        AUTHORIZATION_CODE("authorization_code"), REFRESH_TOKEN("refresh_token"),
        CLIENT_CREDENTIALS("client_credentials");

        final String value;

        GrantType(String value) {
            this.value = value;
        }

        static Optional<GrantType> of(String value) {
            for (GrantType type : values()) {
                if (type.value.equals(value)) {
                    return Optional.of(type);
                }
            }
            return Optional.empty();
        }
    }

    /**
     * @param clientId never blank
     * @param secret   null when none was sent
     * @param basic    whether they came in HTTP Basic ({@code client_secret_basic})
     */
    record ClientCredentials(String clientId, String secret, boolean basic) {
    }

    /** A request refused before any lookup; {@code basic} tells whether to challenge for Basic. */
    static final class Refused extends RuntimeException {
        final OAuthError error;
        final boolean basic;

        Refused(OAuthError error, boolean basic) {
            super(error.description(), null, false, false);
            this.error = error;
            this.basic = basic;
        }
    }

    /**
     * Reads a token request.
     *
     * @param authorization the {@code Authorization} header, or null
     * @throws Refused with the RFC 6749 error to answer; the only exception this throws
     */
    static TokenRequest parse(MultiValueMap<String, String> form, String authorization) {
        Optional<String> repeated = Parameters.repeated(form);
        if (repeated.isPresent()) {
            throw new Refused(OAuthError.invalidRequest("The request repeats the parameter " + repeated.get() + "."),
                    false);
        }
        Map<String, String> params = Parameters.single(form);
        ClientCredentials client = client(params, authorization);
        String grant = params.get("grant_type");
        GrantType grantType = GrantType.of(grant).orElseThrow(() -> new Refused(grant == null
                ? OAuthError.invalidRequest("grant_type is missing.")
                : OAuthError.unsupportedGrantType("Supported grant types are authorization_code, refresh_token"
                        + " and client_credentials."), false));
        return new TokenRequest(grantType, client,
                grantType == GrantType.AUTHORIZATION_CODE ? require(params, "code") : params.get("code"),
                params.get("redirect_uri"), params.get("code_verifier"),
                grantType == GrantType.REFRESH_TOKEN ? require(params, "refresh_token") : params.get("refresh_token"),
                params.get("scope"));
    }

    private static ClientCredentials client(Map<String, String> params, String header) {
        boolean basic = header != null && header.regionMatches(true, 0, "Basic ", 0, 6);
        String clientId;
        String secret;
        if (basic) {
            if (params.containsKey("client_secret")) {
                throw new Refused(OAuthError.invalidRequest("Use one client authentication method, not two."), true);
            }
            String[] pair = decodeBasic(header.substring(6).strip())
                    .orElseThrow(() -> new Refused(OAuthError.invalidClient("The Authorization header is malformed."),
                            true));
            clientId = pair[0];
            secret = pair[1];
            if (params.containsKey("client_id") && !params.get("client_id").equals(clientId)) {
                throw new Refused(OAuthError.invalidRequest("client_id does not match the authenticated client."),
                        true);
            }
        } else {
            clientId = params.get("client_id");
            secret = params.get("client_secret");
        }
        if (clientId == null || clientId.isBlank()) {
            throw new Refused(OAuthError.invalidClient("Client authentication is required."), basic);
        }
        return new ClientCredentials(clientId.strip(), secret, basic);
    }

    private static Optional<String[]> decodeBasic(String encoded) {
        try {
            String decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                return Optional.empty();
            }
            return Optional.of(new String[] {
                    URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
                    URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8)});
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String require(Map<String, String> params, String name) {
        String value = params.get(name);
        if (value == null || value.isBlank()) {
            throw new Refused(OAuthError.invalidRequest(name + " is missing."), false);
        }
        return value;
    }
}

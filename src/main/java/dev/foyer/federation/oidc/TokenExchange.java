package dev.foyer.federation.oidc;

import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.token.OIDCTokens;
import dev.foyer.federation.UpstreamException;
import dev.foyer.federation.UpstreamException.Reason;
import dev.foyer.federation.UpstreamHttp;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One code-for-tokens exchange at a provider's token endpoint: the request Nimbus builds, sent
 * through {@link UpstreamHttp}, the answer parsed by Nimbus. An OAuth error answer is
 * {@link Reason#PROVIDER_ERROR}; a server failure without one is {@link Reason#UNREACHABLE}; a
 * success that is not a token response with an ID token is {@link Reason#INVALID_RESPONSE}.
 */
final class TokenExchange {

    private final UpstreamHttp http;
    private final String providerName;

    TokenExchange(UpstreamHttp http, String providerName) {
        this.http = http;
        this.providerName = providerName;
    }

    OIDCTokens exchange(TokenRequest request) throws UpstreamException {
        HTTPRequest form = request.toHTTPRequest();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", "application/json");
        if (form.getAuthorization() != null) {
            headers.put("Authorization", form.getAuthorization());
        }
        UpstreamHttp.Response response;
        try {
            response = http.postForm(request.getEndpointURI(), headers, form.getBody());
        } catch (IOException e) {
            throw new UpstreamException(Reason.UNREACHABLE,
                    providerName + " cannot be reached right now. Please try again later.", null, e);
        }
        HTTPResponse answer = new HTTPResponse(response.status());
        answer.setBody(response.body());
        try {
            if (response.contentType() != null) {
                answer.setContentType(response.contentType());
            }
        } catch (ParseException e) {
            // an unreadable content type is left out; the parser then refuses the body
        }
        if (!response.isSuccess()) {
            throw failed(answer);
        }
        try {
            TokenResponse tokens = OIDCTokenResponseParser.parse(answer);
            if (tokens instanceof OIDCTokenResponse oidc && oidc.getOIDCTokens().getIDToken() != null) {
                return oidc.getOIDCTokens();
            }
            throw OidcConnector.invalid(providerName, "token response without ID token", null);
        } catch (ParseException e) {
            throw OidcConnector.invalid(providerName, "unreadable token response", e);
        }
    }

    private UpstreamException failed(HTTPResponse answer) {
        String code = null;
        try {
            ErrorObject error = TokenErrorResponse.parse(answer).getErrorObject();
            code = error == null ? null : error.getCode();
        } catch (ParseException | RuntimeException e) {
            // no OAuth error body
        }
        if (code == null && answer.getStatusCode() >= 500) {
            return new UpstreamException(Reason.UNREACHABLE,
                    providerName + " cannot be reached right now. Please try again later.",
                    "token endpoint HTTP " + answer.getStatusCode(), null);
        }
        return new UpstreamException(Reason.PROVIDER_ERROR,
                providerName + " could not sign you in. Please try again later.",
                code != null ? code : "token endpoint HTTP " + answer.getStatusCode(), null);
    }
}

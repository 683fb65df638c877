package dev.foyer.oidc;

import dev.foyer.application.Application;
import dev.foyer.application.ApplicationRepository;
import dev.foyer.application.ClientSecrets;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Authenticates the client at the token endpoint: {@code client_secret_basic},
 * {@code client_secret_post}, or {@code none} for public clients (single-page and native apps,
 * which prove possession with PKCE instead).
 */
@Component
class ClientAuthenticator {

    private final ApplicationRepository applications;
    private final ClientSecrets secrets;

    ClientAuthenticator(ApplicationRepository applications, ClientSecrets secrets) {
        this.applications = applications;
        this.secrets = secrets;
    }

    /** The authenticated client, or the error to answer with. */
    record Result(Application application, OAuthError error, boolean usedBasic) {
    }

    Result authenticate(HttpServletRequest request, Map<String, String> params) {
        String header = request.getHeader("Authorization");
        boolean basic = header != null && header.regionMatches(true, 0, "Basic ", 0, 6);
        String clientId;
        String secret;
        if (basic) {
            if (params.containsKey("client_secret")) {
                return failed(OAuthError.invalidRequest("Use one client authentication method, not two."), true);
            }
            Optional<String[]> pair = decodeBasic(header.substring(6).strip());
            if (pair.isEmpty()) {
                return failed(OAuthError.invalidClient("The Authorization header is malformed."), true);
            }
            clientId = pair.get()[0];
            secret = pair.get()[1];
            if (params.containsKey("client_id") && !params.get("client_id").equals(clientId)) {
                return failed(OAuthError.invalidRequest("client_id does not match the authenticated client."), true);
            }
        } else {
            clientId = params.get("client_id");
            secret = params.get("client_secret");
        }
        if (clientId == null || clientId.isBlank()) {
            return failed(OAuthError.invalidClient("Client authentication is required."), basic);
        }
        Optional<Application> application = applications.findByClientId(clientId.strip());
        if (application.isEmpty()) {
            return failed(OAuthError.invalidClient("Client authentication failed."), basic);
        }
        if (application.get().type().isConfidential()) {
            if (secret == null || secret.isEmpty() || !secrets.verify(application.get().clientId(), secret)) {
                return failed(OAuthError.invalidClient("Client authentication failed."), basic);
            }
        } else if (secret != null) {
            return failed(OAuthError.invalidClient("This public client has no secret; use PKCE instead."), basic);
        }
        return new Result(application.get(), null, basic);
    }

    private static Result failed(OAuthError error, boolean basic) {
        return new Result(null, error, basic);
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
}

package dev.foyer.oidc;

import dev.foyer.application.Application;
import dev.foyer.application.ApplicationRepository;
import dev.foyer.application.ClientSecrets;
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

    /** Checks the credentials {@link TokenRequest#parse} read against the registration. */
    Result authenticate(TokenRequest.ClientCredentials credentials) {
        boolean basic = credentials.basic();
        String secret = credentials.secret();
        Optional<Application> application = applications.findByClientId(credentials.clientId());
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
}

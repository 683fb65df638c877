package dev.foyer.tokenviewer;

import dev.foyer.application.Application;
import dev.foyer.application.ApplicationRepository;
import dev.foyer.application.ApplicationType;
import dev.foyer.security.OpaqueTokens;
import dev.foyer.tenant.Tenant;
import dev.foyer.tenant.TenantContext;
import dev.foyer.userflow.UserFlow;
import dev.foyer.web.ServerOrigins;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * The test application every tenant has: "Token viewer", whose reply URLs are this server's own
 * {@code /tokenviewer} page, so a user flow can be run and its ID token inspected without any
 * application of one's own. Its client id is derived from the tenant id, so two nodes registering
 * it at once end with one application, and the id never changes when its reply URLs do.
 */
@Service
public class TokenViewerApplication {

    public static final String DISPLAY_NAME = "Token viewer";
    public static final String PATH = "/tokenviewer";

    private final ApplicationRepository applications;
    private final ServerOrigins origins;

    public TokenViewerApplication(ApplicationRepository applications, ServerOrigins origins) {
        this.applications = applications;
        this.origins = origins;
    }

    /** The client id of the tenant's token viewer application (registered by {@link #ensureFor}). */
    public UUID clientIdFor(Tenant tenant) {
        return UUID.nameUUIDFromBytes(("foyer:tokenviewer:" + tenant.id()).getBytes(StandardCharsets.UTF_8));
    }

    /** The reply URL of the token viewer under {@code origin}, e.g. {@code http://localhost:8080/tokenviewer}. */
    public static String redirectUri(String origin) {
        return origin + PATH;
    }

    /**
     * Registers the tenant's token viewer application if it is missing, or brings its reply URLs in
     * line with the server's current origins; does nothing when they already are. Reply URLs of
     * origins the server no longer has are removed. Nodes that share a database should share their
     * origins (a public base URL): otherwise the last one to start has its own registered.
     */
    public Application ensureFor(Tenant tenant) {
        return TenantContext.call(tenant, () -> {
            UUID clientId = clientIdFor(tenant);
            List<String> wanted = origins.all().stream().map(TokenViewerApplication::redirectUri).toList();
            Optional<Application> existing = applications.findByClientId(clientId);
            if (existing.isEmpty()) {
                return registerOrFind(clientId, wanted);
            }
            if (new HashSet<>(existing.get().redirectUris()).equals(new HashSet<>(wanted))) {
                return existing.get();
            }
            return applications.updateRedirectUris(clientId, wanted);
        });
    }

    /** Whether the tenant's token viewer accepts {@code origin}'s {@code /tokenviewer} as its reply URL. */
    public boolean repliesTo(Tenant tenant, String origin) {
        return TenantContext.call(tenant, () -> applications.findByClientId(clientIdFor(tenant))
                .map(app -> app.hasRedirectUri(redirectUri(origin)))
                .orElse(false));
    }

    /**
     * The authorize URL that runs {@code flow} for the token viewer: ID token by form post to
     * {@code {origin}/tokenviewer}, with a fresh nonce. {@code origin} must be one of the server's
     * origins for the reply URL to be registered.
     */
    public String runUrl(Tenant tenant, UserFlow flow, String origin) {
        return origin + "/" + tenant.name() + "/" + flow.canonicalName() + "/oauth2/v2.0/authorize"
                + "?client_id=" + clientIdFor(tenant)
                + "&redirect_uri=" + URLEncoder.encode(redirectUri(origin), StandardCharsets.UTF_8)
                + "&response_type=id_token&response_mode=form_post&scope=openid"
                + "&nonce=" + OpaqueTokens.generate().substring(0, 16);
    }

    private Application registerOrFind(UUID clientId, List<String> redirectUris) {
        try {
            return applications.register(new Application(clientId, DISPLAY_NAME, ApplicationType.WEB, redirectUris,
                    Optional.empty()));
        } catch (IllegalArgumentException alreadyRegistered) {
            // Another node registered it in between; theirs is the same application.
            return applications.findByClientId(clientId).orElseThrow(() -> alreadyRegistered);
        }
    }
}

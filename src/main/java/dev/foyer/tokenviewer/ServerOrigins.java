package dev.foyer.tokenviewer;

import java.util.ArrayList;
import java.util.List;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The origins this server answers at, for addresses it registers for itself (the demo's and the
 * token viewer's reply URLs): the public base URL when configured, else localhost and 127.0.0.1
 * on the ports actually bound, over HTTP and, when enabled, HTTPS.
 */
@Component
public class ServerOrigins {

    private final Environment environment;

    public ServerOrigins(Environment environment) {
        this.environment = environment;
    }

    /** The origins, scheme, host and port with no trailing slash; the first is the preferred one. */
    public List<String> origins() {
        String publicBaseUrl = environment.getProperty("foyer.public-base-url", "");
        if (!publicBaseUrl.isBlank()) {
            return List.of(publicBaseUrl.replaceAll("/+$", ""));
        }
        String httpPort = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        List<String> origins = new ArrayList<>(List.of("http://localhost:" + httpPort, "http://127.0.0.1:" + httpPort));
        String httpsPort = environment.getProperty("foyer.tls.port", "8443");
        if (environment.getProperty("foyer.tls.enabled", Boolean.class, true) && !"0".equals(httpsPort)) {
            origins.add("https://localhost:" + httpsPort);
            origins.add("https://127.0.0.1:" + httpsPort);
        }
        return origins;
    }
}

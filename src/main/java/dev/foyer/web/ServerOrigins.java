package dev.foyer.web;

import java.util.ArrayList;
import java.util.List;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The origins this server answers at: the configured public base URL, or else http and https on
 * localhost and 127.0.0.1 with the ports actually bound. Built-in applications register their
 * reply URLs under each.
 */
@Component
public class ServerOrigins {

    private final Environment environment;

    public ServerOrigins(Environment environment) {
        this.environment = environment;
    }

    public List<String> all() {
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

    /** The origin {@code request} was served at: the public base URL when configured, else the request's own. */
    public String of(jakarta.servlet.http.HttpServletRequest request) {
        String publicBaseUrl = environment.getProperty("foyer.public-base-url", "");
        if (!publicBaseUrl.isBlank()) {
            return publicBaseUrl.replaceAll("/+$", "");
        }
        return org.springframework.web.servlet.support.ServletUriComponentsBuilder.fromContextPath(request)
                .replacePath(null).replaceQuery(null).build().toUriString();
    }

    /** {@code path} under every origin, e.g. the reply URLs of a built-in application. */
    public List<String> urls(String path) {
        return all().stream().map(origin -> origin + path).toList();
    }

    /** The first origin, for links printed in the log. */
    public String primary() {
        return all().get(0);
    }
}

package dev.foyer.demo;

import java.util.ArrayList;
import java.util.List;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** The demo's addresses, from the public base URL when configured, else the ports actually bound. */
@Component
class DemoLinks {

    static final String CALLBACK = "/demo/callback";

    private final Environment environment;

    DemoLinks(Environment environment) {
        this.environment = environment;
    }

    List<String> origins() {
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

    List<String> demoRedirectUris() {
        return origins().stream().map(o -> o + CALLBACK).toList();
    }

    String landingPage() {
        return origins().get(0) + "/";
    }

    String outbox() {
        return origins().get(0) + "/dev/outbox";
    }

    String discovery(String tenant, String flow) {
        return origins().get(0) + "/" + tenant + "/" + flow.toLowerCase() + "/v2.0/.well-known/openid-configuration";
    }
}

package dev.foyer.demo;

import dev.foyer.web.ServerOrigins;
import java.util.List;
import org.springframework.stereotype.Component;

/** The demo's addresses, from the public base URL when configured, else the ports actually bound. */
@Component
class DemoLinks {

    static final String CALLBACK = "/demo/callback";

    private final ServerOrigins origins;

    DemoLinks(ServerOrigins origins) {
        this.origins = origins;
    }

    List<String> origins() {
        return origins.all();
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

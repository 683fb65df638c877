package dev.foyer.web;

import dev.foyer.testing.Browser;
import dev.foyer.testing.TrustedCa;
import dev.foyer.tls.TlsEndpoint;
import java.net.http.HttpClient;
import javax.net.ssl.SSLContext;

/** The test server's own HTTPS listener, trusted through its development CA only. */
final class Tls {

    private Tls() {
    }

    static String origin(TlsEndpoint tls) {
        return "https://localhost:" + tls.port();
    }

    static Browser browser(TlsEndpoint tls) {
        return new Browser(origin(tls), context(tls));
    }

    static HttpClient client(TlsEndpoint tls) {
        return HttpClient.newBuilder().sslContext(context(tls)).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    static SSLContext context(TlsEndpoint tls) {
        return TrustedCa.sslContext(tls.caFile().orElseThrow());
    }
}

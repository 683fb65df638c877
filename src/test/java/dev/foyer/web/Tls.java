package dev.foyer.web;

import dev.foyer.testing.Browser;
import dev.foyer.tls.TlsEndpoint;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

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
        try (InputStream in = Files.newInputStream(tls.caFile().orElseThrow())) {
            KeyStore trusted = KeyStore.getInstance("PKCS12");
            trusted.load(null, null);
            trusted.setCertificateEntry("ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            SSLContext ssl = SSLContext.getInstance("TLS");
            ssl.init(null, trust.getTrustManagers(), null);
            return ssl;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

package dev.foyer.tls;

import java.net.InetAddress;
import java.nio.file.Path;
import java.util.Optional;

import org.apache.catalina.connector.Connector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;

/** Where Foyer serves HTTPS, known once the web server has started. */
public class TlsEndpoint implements ApplicationListener<WebServerInitializedEvent> {

    private static final Logger log = LoggerFactory.getLogger(TlsEndpoint.class);

    private volatile Connector connector;
    private volatile TlsCertificate certificate;
    private volatile InetAddress address;

    /** The bound HTTPS port (the real one when {@code foyer.tls.port} is 0). */
    public int port() {
        Connector started = connector;
        if (started == null || started.getLocalPort() < 0) {
            throw new IllegalStateException("The HTTPS connector has not started");
        }
        return started.getLocalPort();
    }

    /** The development CA that clients must trust; empty when a configured keystore is served. */
    public Optional<Path> caFile() {
        TlsCertificate served = certificate;
        return served == null ? Optional.empty() : served.caFile();
    }

    void serving(Connector connector, TlsCertificate certificate, InetAddress address) {
        this.connector = connector;
        this.certificate = certificate;
        this.address = address;
    }

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        if (connector == null) {
            return;
        }
        String url = "https://" + host() + ":" + port();
        certificate.caFile().ifPresentOrElse(
                ca -> log.info("HTTPS on {} — development certificate; trust the CA in {}", url, ca),
                () -> log.info("HTTPS on {} — certificate from {}", url, certificate.source()));
    }

    private String host() {
        InetAddress bound = address;
        if (bound == null || bound.isAnyLocalAddress() || bound.isLoopbackAddress()) {
            return "localhost";
        }
        String literal = bound.getHostAddress();
        return literal.contains(":") ? "[" + literal + "]" : literal;
    }
}

package dev.foyer.tls;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;

import org.apache.catalina.connector.Connector;
import org.apache.tomcat.util.net.SSLHostConfig;
import org.apache.tomcat.util.net.SSLHostConfigCertificate;
import org.springframework.boot.tomcat.TomcatWebServerFactory;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;

/**
 * Adds the HTTPS connector next to the HTTP one, when {@code foyer.tls.enabled} (the default). Runs after Boot's own customizer so the factory
 * already carries {@code server.address}, which HTTPS binds to as well.
 */
class HttpsConnector implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    private final TlsProperties properties;
    private final Path dataDir;
    private final TlsEndpoint endpoint;

    HttpsConnector(TlsProperties properties, Path dataDir, TlsEndpoint endpoint) {
        this.properties = properties;
        this.dataDir = dataDir;
        this.endpoint = endpoint;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        if (!properties.enabled()) {
            return;
        }
        TlsCertificate certificate = properties.keystore().isConfigured()
                ? TlsCertificate.fromKeystore(properties.keystore())
                : new DevelopmentCertificates(dataDir.resolve("tls"), Clock.systemUTC()).ensure();
        InetAddress address = factory.getAddress();
        Connector connector = connector(certificate, address);
        factory.addAdditionalConnectors(connector);
        endpoint.serving(connector, certificate, address);
    }

    private Connector connector(TlsCertificate certificate, InetAddress address) {
        Connector connector = new Connector(TomcatWebServerFactory.DEFAULT_PROTOCOL);
        connector.setPort(properties.port());
        connector.setScheme("https");
        connector.setSecure(true);
        connector.setProperty("SSLEnabled", "true");
        if (address != null) {
            connector.setProperty("address", address.getHostAddress());
        }
        SSLHostConfig ssl = new SSLHostConfig();
        SSLHostConfigCertificate served = new SSLHostConfigCertificate(ssl, SSLHostConfigCertificate.Type.UNDEFINED);
        served.setCertificateKeystore(certificate.keyStore());
        served.setCertificateKeystorePassword(certificate.password());
        served.setCertificateKeyAlias(certificate.alias());
        ssl.addCertificate(served);
        connector.addSslHostConfig(ssl);
        return connector;
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}

package dev.foyer.tls;

import java.nio.file.Path;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * HTTPS beside HTTP unless {@code foyer.tls.enabled} is false. The connector decides that when the
 * web server is built, not a bean condition: a build processed ahead of time (Spring AOT) fixes its
 * beans, and must still follow the configuration it starts with.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TlsProperties.class)
class TlsConfiguration {

    @Bean
    TlsEndpoint tlsEndpoint() {
        return new TlsEndpoint();
    }

    @Bean
    HttpsConnector httpsConnector(TlsProperties properties, @Value("${foyer.data-dir}") Path dataDir,
                                  TlsEndpoint endpoint) {
        return new HttpsConnector(properties, dataDir, endpoint);
    }
}

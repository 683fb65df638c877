package dev.foyer.tls;

import java.nio.file.Path;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "foyer.tls", name = "enabled", havingValue = "true", matchIfMissing = true)
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

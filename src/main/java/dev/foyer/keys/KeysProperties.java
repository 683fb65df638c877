package dev.foyer.keys;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param retiredKeyPublication how long a rotated-out key stays in the published key set, so tokens
 *                              it signed still verify until they expire
 * @param cacheTtl              how long a tenant's keys are served from memory before re-reading
 */
@ConfigurationProperties("foyer.keys")
public record KeysProperties(
        @DefaultValue("14d") Duration retiredKeyPublication,
        @DefaultValue("30s") Duration cacheTtl) {
}

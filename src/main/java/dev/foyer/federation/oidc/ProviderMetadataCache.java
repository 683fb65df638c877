package dev.foyer.federation.oidc;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import dev.foyer.federation.UpstreamException;
import dev.foyer.federation.UpstreamException.Reason;
import dev.foyer.federation.UpstreamHttp;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each provider's discovery document, fetched on first use and kept for {@link #TTL} per URL, and
 * its key set, kept by Nimbus's {@link JWKSource} (which refetches when a token names an unknown
 * key id). A provider that cannot be reached or publishes a broken document is reported, not cached.
 */
final class ProviderMetadataCache {

    static final Duration TTL = Duration.ofHours(1);
    private static final int MAX_ENTRIES = 1000;

    private record Cached(OIDCProviderMetadata metadata, Instant fetchedAt) {
    }

    private final UpstreamHttp http;
    private final Clock clock;
    private final Map<String, Cached> documents = new ConcurrentHashMap<>();
    private final Map<URI, JWKSource<SecurityContext>> keySets = new ConcurrentHashMap<>();

    ProviderMetadataCache(UpstreamHttp http, Clock clock) {
        this.http = http;
        this.clock = clock;
    }

    /** The discovery document at {@code metadataUrl}, from the cache while fresh. */
    OIDCProviderMetadata metadata(String metadataUrl, String providerName) throws UpstreamException {
        if (metadataUrl == null || metadataUrl.isBlank()) {
            throw misconfigured(providerName);
        }
        Cached cached = documents.get(metadataUrl);
        Instant now = clock.instant();
        if (cached != null && cached.fetchedAt().plus(TTL).isAfter(now)) {
            return cached.metadata();
        }
        OIDCProviderMetadata metadata = fetch(metadataUrl, providerName);
        if (documents.size() >= MAX_ENTRIES) {
            documents.clear();
        }
        documents.put(metadataUrl, new Cached(metadata, now));
        return metadata;
    }

    /** The provider's signing keys, published at its {@code jwks_uri}. */
    JWKSource<SecurityContext> keys(OIDCProviderMetadata metadata, String providerName) throws UpstreamException {
        URI jwksUri = metadata.getJWKSetURI();
        if (jwksUri == null) {
            throw misconfigured(providerName);
        }
        if (keySets.size() >= MAX_ENTRIES) {
            keySets.clear();
        }
        try {
            var url = jwksUri.toURL();
            return keySets.computeIfAbsent(jwksUri, uri -> JWKSourceBuilder
                    .create(url, new DefaultResourceRetriever(5_000, 10_000, UpstreamHttp.MAX_BODY_BYTES))
                    .build());
        } catch (MalformedURLException | IllegalArgumentException e) {
            throw misconfigured(providerName);
        }
    }

    private OIDCProviderMetadata fetch(String metadataUrl, String providerName) throws UpstreamException {
        UpstreamHttp.Response response;
        try {
            response = http.get(new URI(metadataUrl), Map.of("Accept", "application/json"));
        } catch (URISyntaxException e) {
            throw misconfigured(providerName);
        } catch (IOException e) {
            throw new UpstreamException(Reason.UNREACHABLE,
                    providerName + " cannot be reached right now. Please try again later.", null, e);
        }
        if (!response.isSuccess()) {
            throw new UpstreamException(Reason.UNREACHABLE,
                    providerName + " cannot be reached right now. Please try again later.",
                    "discovery HTTP " + response.status(), null);
        }
        try {
            OIDCProviderMetadata metadata = OIDCProviderMetadata.parse(response.body());
            if (metadata.getAuthorizationEndpointURI() == null || metadata.getTokenEndpointURI() == null) {
                throw misconfigured(providerName);
            }
            return metadata;
        } catch (ParseException e) {
            throw new UpstreamException(Reason.MISCONFIGURED, misconfigured(providerName).getMessage(),
                    "invalid discovery document", e);
        }
    }

    static UpstreamException misconfigured(String providerName) {
        return new UpstreamException(Reason.MISCONFIGURED,
                "Signing in with " + providerName + " is not set up correctly on this server.");
    }
}

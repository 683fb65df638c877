package dev.foyer.federation;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

class UpstreamHttpTests {

    @RegisterExtension
    static WireMockExtension upstream = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
            .build();

    @Test
    void constructedThenNoClientUntilTheFirstCallThenOneForEveryCall() throws IOException {
        upstream.stubFor(get(urlEqualTo("/.well-known/openid-configuration"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("{\"issuer\":\"x\"}")));
        UpstreamHttp http = UpstreamHttp.withDefaultTimeouts();

        assertThat(http.started()).isFalse();

        URI discovery = URI.create(upstream.baseUrl() + "/.well-known/openid-configuration");
        UpstreamHttp.Response first = http.get(discovery, Map.of());
        UpstreamHttp.Response second = http.get(discovery, Map.of("Accept", "application/json"));

        assertThat(http.started()).isTrue();
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.isJson()).isTrue();
        assertThat(first.body()).isEqualTo("{\"issuer\":\"x\"}");
        assertThat(second.body()).isEqualTo(first.body());
        upstream.verify(2, getRequestedFor(urlEqualTo("/.well-known/openid-configuration")));
    }

    @Test
    void getWhenNotHttpThenRefusedWithoutMakingTheClient() {
        UpstreamHttp http = UpstreamHttp.withDefaultTimeouts();

        assertThatThrownBy(() -> http.get(URI.create("file:///etc/passwd"), Map.of()))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("http");
        assertThat(http.started()).isFalse();
    }
}

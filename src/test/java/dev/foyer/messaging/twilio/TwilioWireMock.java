package dev.foyer.messaging.twilio;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

/** A stand-in Twilio on 127.0.0.1 and a free port, and what tests need to read its requests. */
final class TwilioWireMock {

    static final String SID = "AC0123456789abcdef0123456789abcdef";
    static final String TOKEN = "s3cr3t-t0ken";
    static final String FROM = "+15005550006";

    private TwilioWireMock() {
    }

    static WireMockExtension extension() {
        return WireMockExtension.newInstance()
                .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort())
                .build();
    }

    static TwilioProperties properties(WireMockExtension server, Duration requestTimeout) {
        return new TwilioProperties(SID, TOKEN, FROM, server.baseUrl(), Duration.ofSeconds(2), requestTimeout);
    }

    static TwilioProperties properties(WireMockExtension server) {
        return properties(server, Duration.ofSeconds(5));
    }

    /** The form fields of a request, decoded, in the order sent. */
    static Map<String, String> form(LoggedRequest request) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : request.getBodyAsString().split("&")) {
            int equals = pair.indexOf('=');
            fields.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return fields;
    }
}

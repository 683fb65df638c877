package dev.foyer.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Arbitrary token request forms and Authorization headers. Reading one either gives a request
 * that holds what its grant needs, or refuses it with an RFC 6749 error; nothing else is thrown.
 */
class TokenRequestFuzzTests {

    private static final List<String> NAMES = List.of("grant_type", "code", "redirect_uri", "code_verifier",
            "refresh_token", "client_id", "client_secret", "scope");
    private static final List<String> GOOD = List.of("authorization_code", "refresh_token", "client_credentials",
            "5f7d7a4e-0d2c-4c39-9d2a-2f0d5f2b8a11", "https://app.example/signin-oidc", "openid", "");
    private static final Set<String> CODES = Set.of("invalid_request", "invalid_client", "unsupported_grant_type");

    @FuzzTest(maxDuration = "10s")
    void parseWhenAnyFormAndHeaderThenRequestOrOAuthError(FuzzedDataProvider data) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        int count = data.consumeInt(0, 10);
        for (int i = 0; i < count; i++) {
            String name = data.consumeBoolean() ? data.pickValue(NAMES) : data.consumeString(20);
            form.add(name, data.consumeBoolean() ? data.pickValue(GOOD) : data.consumeString(200));
        }
        String header = switch (data.consumeInt(0, 3)) {
            case 0 -> null;
            case 1 -> "Basic " + Base64.getEncoder().encodeToString(
                    data.consumeString(200).getBytes(StandardCharsets.UTF_8));
            case 2 -> "Basic " + data.consumeString(200);
            default -> data.consumeString(200);
        };

        TokenRequest request;
        try {
            request = TokenRequest.parse(form, header);
        } catch (TokenRequest.Refused e) {
            assertThat(CODES).contains(e.error.code());
            assertThat(e.error.status()).isIn(400, 401);
            assertThat(e.error.description()).isNotBlank();
            return;
        }
        assertThat(Parameters.repeated(form)).isEmpty();
        assertThat(request.client().clientId()).isNotBlank().isEqualTo(request.client().clientId().strip());
        if (request.client().basic()) {
            assertThat(form.containsKey("client_secret")).isFalse();
            assertThat(request.client().secret()).isNotNull();
        }
        switch (request.grantType()) {
            case AUTHORIZATION_CODE -> assertThat(request.code()).isNotBlank();
            case REFRESH_TOKEN -> assertThat(request.refreshToken()).isNotBlank();
            case CLIENT_CREDENTIALS -> assertThat(form.getFirst("grant_type")).isEqualTo("client_credentials");
        }
    }
}

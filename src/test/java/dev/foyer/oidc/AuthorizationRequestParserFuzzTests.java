package dev.foyer.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.foyer.application.Application;
import dev.foyer.application.ApplicationRepository;
import dev.foyer.application.ApplicationType;
import dev.foyer.tenant.Tenant;
import dev.foyer.userflow.UserFlow;
import dev.foyer.userflow.UserFlowDefinition;
import dev.foyer.userflow.UserFlowProperties;
import dev.foyer.userflow.UserFlowType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Arbitrary authorize parameters, often built around a registered client and redirect URI so the
 * fuzzer reaches the later checks. The parser never throws; an error before the redirect URI is
 * proven is shown on a page (never redirected), a redirected error goes only to a registered
 * redirect URI in a response mode that is allowed, and a valid request holds only what the checks
 * allow.
 */
class AuthorizationRequestParserFuzzTests {

    private static final Application WEB = new Application(UUID.fromString("5f7d7a4e-0d2c-4c39-9d2a-2f0d5f2b8a11"),
            "Web App", ApplicationType.WEB, List.of("https://app.example/signin-oidc"), Optional.empty());
    private static final Application SPA = new Application(UUID.fromString("0b6b6b9e-7c7e-4f5e-8a4c-3c2b1a0f9e88"),
            "SPA", ApplicationType.SPA, List.of("http://localhost:3000/"), Optional.empty());
    private static final List<String> NAMES = List.of("client_id", "redirect_uri", "response_type", "response_mode",
            "scope", "state", "nonce", "prompt", "login_hint", "max_age", "acr_values", "code_challenge",
            "code_challenge_method", "ui_locales", "p");
    private static final List<String> GOOD = List.of(WEB.clientId().toString(), SPA.clientId().toString(),
            WEB.redirectUris().get(0), SPA.redirectUris().get(0), "code", "id_token", "code id_token", "query",
            "fragment", "form_post", "openid", "openid offline_access", "none", "login", "S256", "mfa", "0",
            "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM", "");
    private static final Set<String> CODES = Set.of("invalid_request", "unsupported_response_type", "invalid_scope");

    private final AuthorizationRequestParser parser = new AuthorizationRequestParser(new Registered());
    private final FlowEndpoint endpoint = new FlowEndpoint("https://localhost:8443",
            new Tenant(UUID.randomUUID(), "contoso", "Contoso"),
            new UserFlow(UUID.randomUUID(), "B2C_1_susi", UserFlowType.SIGN_UP_OR_SIGN_IN,
                    new UserFlowDefinition(List.of(UserFlowDefinition.LOCAL_ACCOUNT), List.of(), List.of(),
                            UserFlowProperties.DEFAULTS), 1));

    @FuzzTest(maxDuration = "10s")
    void parseWhenAnyParametersThenNeverThrowsAndNeverRedirectsUnregistered(FuzzedDataProvider data) {
        Map<String, String> params = new LinkedHashMap<>();
        if (data.consumeBoolean()) {
            Application app = data.consumeBoolean() ? WEB : SPA;
            params.put("client_id", app.clientId().toString());
            params.put("redirect_uri", app.redirectUris().get(0));
        }
        int count = data.consumeInt(0, 12);
        for (int i = 0; i < count; i++) {
            String name = data.consumeBoolean() ? data.pickValue(NAMES) : data.consumeString(20);
            String value = data.consumeBoolean() ? data.pickValue(GOOD) : data.consumeString(3000);
            params.put(name, value);
        }

        AuthorizationRequestParser.Parsed parsed = parser.parse(params, endpoint);

        if (parsed instanceof AuthorizationRequestParser.Parsed.ShowError shown) {
            assertThat(shown.message()).isNotBlank().doesNotContainPattern("\\p{Cntrl}");
        } else if (parsed instanceof AuthorizationRequestParser.Parsed.RedirectError redirected) {
            assertThat(registered(params.get("client_id")).hasRedirectUri(redirected.redirectUri())).isTrue();
            assertThat(redirected.responseMode()).isIn("query", "fragment", "form_post");
            assertThat(CODES).contains(redirected.error().code());
            assertThat(redirected.state() == null || redirected.state().length() <= 2048).isTrue();
        } else {
            AuthorizationRequestParser.Parsed.Valid valid = (AuthorizationRequestParser.Parsed.Valid) parsed;
            AuthorizationRequest request = valid.request();
            assertThat(valid.application().hasRedirectUri(request.redirectUri())).isTrue();
            assertThat(request.responseTypes()).isNotEmpty().isSubsetOf("code", "id_token");
            assertThat(request.responseMode()).isIn("query", "fragment", "form_post");
            assertThat(request.wantsIdToken() && request.responseMode().equals("query")).isFalse();
            assertThat(request.scopes()).contains("openid");
            assertThat(request.maxAgeSeconds() == null || request.maxAgeSeconds() >= 0).isTrue();
            if (!valid.application().type().isConfidential() && request.wantsCode()) {
                assertThat(request.codeChallenge()).matches("[A-Za-z0-9_-]{43,128}");
            }
        }
    }

    private static Application registered(String clientId) {
        return new Registered().findByClientId(clientId.strip()).orElseThrow();
    }

    /** The tenant's registrations, looked up as the real repository does: by canonical GUID only. */
    private static final class Registered implements ApplicationRepository {

        @Override
        public Optional<Application> findByClientId(UUID clientId) {
            return List.of(WEB, SPA).stream().filter(a -> a.clientId().equals(clientId)).findFirst();
        }

        @Override
        public Optional<Application> findByClientId(String clientId) {
            return List.of(WEB, SPA).stream().filter(a -> a.clientId().toString().equals(clientId)).findFirst();
        }

        @Override
        public List<Application> findAll() {
            return List.of(WEB, SPA);
        }

        @Override
        public Application register(Application application) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Application updateRedirectUris(UUID clientId, List<String> redirectUris) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Application update(Application application) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void delete(UUID clientId) {
            throw new UnsupportedOperationException();
        }
    }
}

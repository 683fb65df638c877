package dev.foyer.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The upstream sign-in factor ({@code fed}): a first factor that remembers its provider for the idp claim. */
class AuthenticationFactorTests {

    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

    @Test
    void fedWhenClassifiedThenAFirstFactor() {
        AuthenticationFactor fed = new AuthenticationFactor(AuthenticationFactor.FEDERATED, T0, "google.com");

        assertThat(fed.isFirstFactor()).isTrue();
        assertThat(fed.isSecondFactor()).isFalse();
        assertThat(SsoSession.authTime(List.of(fed, new AuthenticationFactor("sms", T0.plusSeconds(60)))))
                .isEqualTo(T0);
    }

    @Test
    void identityProviderWhenTheLatestFirstFactorIsUpstreamThenItsIssuerElseNone() {
        AuthenticationFactor password = new AuthenticationFactor(AuthenticationFactor.PASSWORD, T0);
        AuthenticationFactor fed = new AuthenticationFactor(AuthenticationFactor.FEDERATED, T0.plusSeconds(10),
                "google.com");
        AuthenticationFactor sms = new AuthenticationFactor("sms", T0.plusSeconds(20));

        assertThat(SsoSession.identityProvider(List.of(password, fed, sms))).contains("google.com");
        assertThat(SsoSession.identityProvider(List.of(fed, new AuthenticationFactor(AuthenticationFactor.PASSWORD,
                T0.plusSeconds(30))))).isEmpty();
        assertThat(SsoSession.identityProvider(List.of(password))).isEmpty();
        assertThat(SsoSession.identityProvider(List.of(
                new AuthenticationFactor(AuthenticationFactor.FEDERATED, T0, "github.com"),
                new AuthenticationFactor(AuthenticationFactor.PASSWORD, T0)))).as("proven together: linking")
                .contains("github.com");
    }

    @Test
    void factorsWhenStoredBeforeTheIdpExistedThenStillRead() {
        JsonMapper json = JsonMapper.builder().build();

        List<AuthenticationFactor> read = json.readValue("[{\"method\":\"pwd\",\"at\":\"2026-01-01T10:00:00Z\"}]",
                new TypeReference<List<AuthenticationFactor>>() {
                });
        List<AuthenticationFactor> roundTrip = json.readValue(json.writeValueAsString(List.of(
                new AuthenticationFactor(AuthenticationFactor.FEDERATED, T0, "google.com"))),
                new TypeReference<List<AuthenticationFactor>>() {
                });

        assertThat(read).containsExactly(new AuthenticationFactor(AuthenticationFactor.PASSWORD, T0));
        assertThat(roundTrip.get(0).idp()).isEqualTo("google.com");
    }
}

package dev.foyer.application;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RedirectUriRulesTests {

    @ParameterizedTest
    @ValueSource(strings = {"https://app.example.com/signin-oidc", "https://app.example.com:8443/cb?x=1",
            "http://localhost/cb", "http://localhost:5000/cb", "http://127.0.0.1:8080/", "https://jwt.ms"})
    void checkRedirectUriWhenHttpsOrLoopbackThenAcceptedForEveryType(String uri) {
        for (ApplicationType type : ApplicationType.values()) {
            assertThatCode(() -> RedirectUriRules.checkRedirectUri(type, uri)).doesNotThrowAnyException();
        }
    }

    @Test
    void checkRedirectUriWhenPlainHttpOnRealHostThenRejected() {
        assertThatThrownBy(() -> RedirectUriRules.checkRedirectUri(ApplicationType.WEB, "http://app.example.com/cb"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must use https");
    }

    @Test
    void checkRedirectUriWhenFragmentThenRejected() {
        assertThatThrownBy(() -> RedirectUriRules.checkRedirectUri(ApplicationType.SPA, "https://app.example.com/#/cb"))
                .hasMessageContaining("fragment");
        assertThatThrownBy(() -> RedirectUriRules.checkRedirectUri(ApplicationType.SPA, "https://app.example.com/cb#"))
                .hasMessageContaining("fragment");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/relative/cb", "app.example.com/cb", "//app.example.com/cb"})
    void checkRedirectUriWhenNotAbsoluteThenRejected(String uri) {
        assertThatThrownBy(() -> RedirectUriRules.checkRedirectUri(ApplicationType.WEB, uri))
                .hasMessageContaining("absolute");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://*.example.com/cb", "https:///cb", "https://exa mple.com/cb", "", " "})
    void checkRedirectUriWhenNoUsableHostOrMalformedThenRejected(String uri) {
        assertThatThrownBy(() -> RedirectUriRules.checkRedirectUri(ApplicationType.WEB, uri))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void checkRedirectUriWhenCustomSchemeThenOnlyForNative() {
        assertThatCode(() -> RedirectUriRules.checkRedirectUri(ApplicationType.NATIVE, "com.example.app:/oauth2redirect"))
                .doesNotThrowAnyException();
        assertThatCode(() -> RedirectUriRules.checkRedirectUri(ApplicationType.NATIVE, "msal123://auth"))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> RedirectUriRules.checkRedirectUri(ApplicationType.SPA, "com.example.app:/oauth2redirect"))
                .hasMessageContaining("native");
        assertThatThrownBy(() -> RedirectUriRules.checkRedirectUri(ApplicationType.WEB, "msal123://auth"))
                .hasMessageContaining("native");
    }

    @ParameterizedTest
    @ValueSource(strings = {"javascript:alert(1)", "data:text/html,hi", "file:///etc/passwd", "mailto:a@b.co"})
    void checkRedirectUriWhenDangerousOrOpaqueSchemeThenRejectedEvenForNative(String uri) {
        assertThatThrownBy(() -> RedirectUriRules.checkRedirectUri(ApplicationType.NATIVE, uri))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void checkWhenMoreThanHundredRedirectUrisThenRejected() {
        List<String> uris = IntStream.rangeClosed(1, 101).mapToObj(i -> "https://app.example.com/cb" + i).toList();

        assertThatThrownBy(() -> RedirectUriRules.check(new Application(null, "App", ApplicationType.WEB, uris, Optional.empty())))
                .hasMessageContaining("at most 100");
        assertThatCode(() -> RedirectUriRules.check(new Application(null, "App", ApplicationType.WEB, uris.subList(0, 100),
                Optional.empty()))).doesNotThrowAnyException();
    }

    @Test
    void checkWhenDuplicateRedirectUriThenRejected() {
        List<String> uris = List.of("https://app.example.com/cb", "https://app.example.com/cb");

        assertThatThrownBy(() -> RedirectUriRules.check(new Application(null, "App", ApplicationType.WEB, uris, Optional.empty())))
                .hasMessageContaining("twice");
    }

    @Test
    void checkWhenLogoutUrlNotHttpsThenRejected() {
        assertThatThrownBy(() -> RedirectUriRules.check(new Application(null, "App", ApplicationType.WEB, List.of(),
                Optional.of("http://app.example.com/logout")))).hasMessageContaining("Logout URL");
    }

    @Test
    void checkWhenDisplayNameMissingThenRejected() {
        assertThatThrownBy(() -> RedirectUriRules.check(new Application(null, " ", ApplicationType.WEB, List.of(),
                Optional.empty()))).hasMessageContaining("display name");
    }
}

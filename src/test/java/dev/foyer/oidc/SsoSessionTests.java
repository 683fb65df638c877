package dev.foyer.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.foyer.session.AuthenticationFactor;
import dev.foyer.testing.Browser;
import dev.foyer.testing.TestTenant;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;

/**
 * Single sign-on: a browser that signed in to a tenant is not asked again by the next app request,
 * unless the app asks for the password again ({@code prompt=login}, {@code max_age}); the session
 * is the tenant's own and lives in a cookie scripts cannot read, renewed at every sign-in.
 */
class SsoSessionTests extends FlowEndToEndTest {

    @Test
    void secondAuthorizeInTheSameBrowserGoesStraightBackToTheAppAsTheSamePersonWithTheOriginalAuthTime()
            throws Exception {
        TestTenant t = newTenant();
        SignedUp person = signedUp(t);

        Browser.Response response = person.browser().get(authorizeUrl(t, FLOW, Map.of("state", "again")));

        Map<String, String> app = appResponse(response, t.webRedirectUri());
        assertThat(app).containsEntry("state", "again").containsKey("code");
        JWTClaimsSet id = verified(t, exchange(t, tokenUrl(t), app.get("code")).get("id_token").asString());
        assertThat(id.getSubject()).isEqualTo(person.subject());
        assertThat(id.getLongClaim("auth_time")).isEqualTo(person.authTime());
        assertThat(id.getStringListClaim("amr")).containsExactly("pwd");
        assertThat(id.getClaim("newUser")).as("only the sign-up itself makes a new user").isNull();
        assertThat(person.idToken().getBooleanClaim("newUser")).isTrue();
    }

    @Test
    void promptLoginShowsTheSignInPageAgainAndSigningInGivesANewerAuthTime() throws Exception {
        TestTenant t = newTenant();
        SignedUp person = signedUp(t);
        Awaitility.await().atMost(Duration.ofSeconds(3))
                .until(() -> Instant.now().getEpochSecond() > person.authTime());

        Browser.Response page = person.browser().open(authorizeUrl(t, FLOW, Map.of("prompt", "login")));

        assertThat(isSignInPage(page)).as(page.body()).isTrue();
        Map<String, String> app = appResponse(signIn(person.browser(), page, person.email(), PASSWORD),
                t.webRedirectUri());
        JWTClaimsSet id = verified(t, exchange(t, tokenUrl(t), app.get("code")).get("id_token").asString());
        assertThat(id.getSubject()).isEqualTo(person.subject());
        assertThat(id.getLongClaim("auth_time")).isGreaterThan(person.authTime());
        assertThat(id.getStringListClaim("amr")).containsExactly("pwd");
    }

    @Test
    void maxAgeShorterThanTheTimeSinceThePasswordAsksForThePasswordAgainAndALongerOneDoesNot() throws Exception {
        TestTenant t = newTenant();
        SignedUp person = signedUp(t);
        // Simulates ten minutes passing since the password was proven: moves the session's factors back.
        moveFactorsBack(person.subject(), Duration.ofMinutes(10));
        long tenMinutesAgo = person.authTime() - 600;

        Map<String, String> silent = appResponse(person.browser().get(authorizeUrl(t, FLOW,
                Map.of("max_age", "3600"))), t.webRedirectUri());
        JWTClaimsSet withinMaxAge = verified(t, exchange(t, tokenUrl(t), silent.get("code")).get("id_token")
                .asString());
        assertThat(withinMaxAge.getLongClaim("auth_time")).isEqualTo(tenMinutesAgo);

        assertThat(appResponse(person.browser().get(authorizeUrl(t, FLOW, Map.of("max_age", "300", "prompt", "none"))),
                t.webRedirectUri())).containsEntry("error", "login_required");
        Browser.Response page = person.browser().open(authorizeUrl(t, FLOW, Map.of("max_age", "300")));
        assertThat(isSignInPage(page)).as(page.body()).isTrue();
        Map<String, String> app = appResponse(signIn(person.browser(), page, person.email(), PASSWORD),
                t.webRedirectUri());
        JWTClaimsSet id = verified(t, exchange(t, tokenUrl(t), app.get("code")).get("id_token").asString());
        assertThat(id.getSubject()).isEqualTo(person.subject());
        assertThat(id.getLongClaim("auth_time")).isGreaterThanOrEqualTo(person.authTime())
                .isGreaterThan(Instant.now().minusSeconds(60).getEpochSecond());
    }

    @Test
    void maxAgeZeroAlwaysAsksForThePassword() throws Exception {
        TestTenant t = newTenant();
        SignedUp person = signedUp(t);

        Browser.Response page = person.browser().open(authorizeUrl(t, FLOW, Map.of("max_age", "0")));

        assertThat(isSignInPage(page)).as(page.body()).isTrue();
    }

    @Test
    void aSessionPastItsLifetimeIsNotUsed() throws Exception {
        TestTenant t = newTenant();
        SignedUp person = signedUp(t);
        // Simulates the session's lifetime running out.
        jdbc.sql("update sso_session set expires_at = ? where object_id = ?")
                .params(java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).minusMinutes(1),
                        UUID.fromString(person.subject())).update();

        Browser.Response page = person.browser().open(authorizeUrl(t, FLOW, Map.of()));

        assertThat(isSignInPage(page)).as(page.body()).isTrue();
    }

    @Test
    void promptNoneWithASessionReturnsACodeWithoutAPage() throws Exception {
        TestTenant t = newTenant();
        SignedUp person = signedUp(t);

        Map<String, String> app = appResponse(person.browser().get(authorizeUrl(t, FLOW, Map.of("prompt", "none"))),
                t.webRedirectUri());

        JWTClaimsSet id = verified(t, exchange(t, tokenUrl(t), app.get("code")).get("id_token").asString());
        assertThat(id.getSubject()).isEqualTo(person.subject());
    }

    @Test
    void promptNoneWithoutASessionReturnsLoginRequiredToTheApp() {
        TestTenant t = newTenant();

        Map<String, String> app = appResponse(browser().get(authorizeUrl(t, FLOW,
                Map.of("prompt", "none", "state", "s-none"))), t.webRedirectUri());

        assertThat(app).containsEntry("error", "login_required").containsEntry("state", "s-none")
                .doesNotContainKey("code");
    }

    @Test
    void anotherTenantInTheSameBrowserDoesNotShareTheSession() throws Exception {
        TestTenant first = newTenant();
        TestTenant second = newTenant();
        SignedUp person = signedUp(first);

        Browser.Response page = person.browser().open(authorizeUrl(second, FLOW, Map.of()));
        Browser.Response none = person.browser().get(authorizeUrl(second, FLOW, Map.of("prompt", "none")));

        assertThat(isSignInPage(page)).as(page.body()).isTrue();
        assertThat(appResponse(none, second.webRedirectUri())).containsEntry("error", "login_required");
        assertThat(appResponse(person.browser().get(authorizeUrl(first, FLOW, Map.of("prompt", "none"))),
                first.webRedirectUri())).containsKey("code");
    }

    @Test
    void ssoCookieIsHttpOnlyAndSameSiteLaxAndEverySignInIssuesANewSessionId() throws Exception {
        TestTenant t = newTenant();
        SignedUp person = signedUp(t);
        String cookieName = "foyer_sso_" + t.tenant().id().toString().replace("-", "");
        String afterSignUp = person.browser().cookie(cookieName).orElseThrow();

        Browser.Response page = person.browser().open(authorizeUrl(t, FLOW, Map.of("prompt", "login")));
        Browser.Response signedIn = submitWithoutFollowing(person.browser(), page, "form#localAccountForm",
                "button#next", Map.of("signInName", person.email(), "password", PASSWORD));

        String setCookie = setCookies(signedIn).stream().filter(c -> c.startsWith(cookieName + "=")).findFirst()
                .orElseThrow(() -> new AssertionError("no " + cookieName + " in " + signedIn.headers()));
        assertThat(setCookie).containsIgnoringCase("; HttpOnly").containsIgnoringCase("; SameSite=Lax")
                .contains("; Path=/");
        String afterSignIn = person.browser().cookie(cookieName).orElseThrow();
        assertThat(afterSignIn).isNotEqualTo(afterSignUp).isNotBlank();
        assertThat(appResponse(person.browser().follow(signedIn), t.webRedirectUri())).containsKey("code");
        assertThat(jdbc.sql("select count(*) from sso_session where object_id = ?")
                .param(UUID.fromString(person.subject())).query(Long.class).single()).isEqualTo(1L);
        assertThat(promptNoneWithCookie(t, cookieName, afterSignUp)).as("the replaced session id")
                .containsEntry("error", "login_required");
        assertThat(promptNoneWithCookie(t, cookieName, afterSignIn)).as("the current session id")
                .containsKey("code");
    }

    /** A silent authorize from a browser that holds only the given SSO cookie. */
    private Map<String, String> promptNoneWithCookie(TestTenant t, String cookieName, String value) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(origin() + authorizeUrl(t, FLOW, Map.of("prompt", "none"))))
                .header("Cookie", cookieName + "=" + value).GET().build(), HttpResponse.BodyHandlers.ofString());
        String location = response.headers().firstValue("location").orElseThrow(
                () -> new AssertionError(response.statusCode() + " " + response.body()));
        assertThat(location).startsWith(t.webRedirectUri());
        return responseParameters(location);
    }

    private void moveFactorsBack(String objectId, Duration by) {
        UUID user = UUID.fromString(objectId);
        String stored = jdbc.sql("select factors from sso_session where object_id = ?").param(user)
                .query(String.class).single();
        List<AuthenticationFactor> moved = json.readValue(stored, new TypeReference<List<AuthenticationFactor>>() {
        }).stream().map(f -> new AuthenticationFactor(f.method(), f.at().minus(by))).toList();
        assertThat(moved).isNotEmpty();
        jdbc.sql("update sso_session set factors = ? where object_id = ?")
                .params(json.writeValueAsString(moved), user).update();
    }
}

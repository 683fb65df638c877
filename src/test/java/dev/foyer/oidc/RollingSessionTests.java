package dev.foyer.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foyer.testing.TestTenant;
import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A rolling web session (the default) lives its full lifetime past each use, not past sign-in. */
class RollingSessionTests extends FlowEndToEndTest {

    @Test
    void silentSignInExtendsARollingSession() throws Exception {
        TestTenant t = newTenant();
        SignedUp person = signedUp(t);
        // Simulate time passing: the session was last used an hour ago, so it ends an hour early.
        jdbc.sql("update sso_session set expires_at = ? where tenant_id = ?")
                .params(OffsetDateTime.now().plusHours(23), t.tenant().id()).update();

        var response = person.browser().get(authorizeUrl(t, FLOW, Map.of()));
        assertThat(appResponse(response, t.webRedirectUri())).containsKey("code");

        OffsetDateTime expiresAt = jdbc.sql("select expires_at from sso_session where tenant_id = ?")
                .param(t.tenant().id()).query(OffsetDateTime.class).single();
        assertThat(expiresAt).isAfter(OffsetDateTime.now().plusHours(23).plusMinutes(30));
    }
}

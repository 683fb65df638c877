package dev.foyer.journey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foyer.testing.Browser;
import dev.foyer.testing.EndToEndTest;
import dev.foyer.testing.TestTenant;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Showing a journey's page again (a reload, the page after a redirect) writes the journey only when
 * something changed or its row is due to be renewed; the journey still lives its full lifetime.
 */
class JourneyPageViewTests extends EndToEndTest {

    private TestTenant t;

    @BeforeEach
    void tenant() {
        t = newTenant();
    }

    @Test
    void reloadWhenNothingChangedThenWritesNothingAndTheJourneyCarriesOn() {
        Browser browser = browser();
        Browser.Response signIn = browser.open(authorizeUrl(t, "B2C_1_susi", Map.of()));
        Row bound = row();
        assertThat(bound.version()).as("started, then bound to the browser on first sight").isEqualTo(2);

        Browser.Response again = browser.get(signIn.uri().toString());
        browser.get(signIn.uri().toString());

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.document().selectFirst("form#localAccountForm")).isNotNull();
        assertThat(row()).isEqualTo(bound);
        Browser.Response verify = browser.submit(again, "form#localAccountForm", "button#createAccount", Map.of());
        assertThat(verify.document().selectFirst("button#email_ver_but_send")).as(verify.body()).isNotNull();
        assertThat(row().version()).as("a form that moves the journey on is saved").isEqualTo(3);
    }

    @Test
    void reloadWhenLessThanHalfTheLifetimeIsLeftThenRenewsTheJourneyForAnotherLifetime() {
        Browser browser = browser();
        Browser.Response signIn = browser.open(authorizeUrl(t, "B2C_1_susi", Map.of()));
        OffsetDateTime soon = OffsetDateTime.now(ZoneOffset.UTC).plusMinutes(10);
        jdbc.sql("update journey set expires_at = ? where tenant_id = ?").params(soon, t.tenant().id()).update();

        Browser.Response again = browser.get(signIn.uri().toString());

        assertThat(again.status()).isEqualTo(200);
        Row renewed = row();
        assertThat(renewed.version()).isEqualTo(3);
        // The default lifetime is 30 minutes.
        assertThat(Duration.between(OffsetDateTime.now(ZoneOffset.UTC), renewed.expiresAt()))
                .isBetween(Duration.ofMinutes(29), Duration.ofMinutes(30));
        Browser.Response verify = browser.submit(again, "form#localAccountForm", "button#createAccount", Map.of());
        assertThat(verify.document().selectFirst("button#email_ver_but_send")).as(verify.body()).isNotNull();
    }

    private record Row(int version, OffsetDateTime expiresAt, String state) {
    }

    private Row row() {
        return jdbc.sql("select version, expires_at, state from journey where tenant_id = ?").param(t.tenant().id())
                .query((rs, n) -> new Row(rs.getInt("version"), rs.getObject("expires_at", OffsetDateTime.class)
                        .withOffsetSameInstant(ZoneOffset.UTC), rs.getString("state")))
                .single();
    }
}

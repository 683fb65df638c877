package dev.foyer.tokenviewer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClaimDescriptionsTests {

    @Test
    void describeWhenAmrThenSpellsOutEveryMethod() {
        assertThat(ClaimDescriptions.describe("amr", List.of("pwd", "sms", "tel", "mfa", "xyz"), ""))
                .isEqualTo("How the user proved who they are: pwd: password; sms: a code by text message; "
                        + "tel: a code by phone call; mfa: multi-factor authentication; "
                        + "xyz: a method this viewer does not know");
    }

    @Test
    void describeWhenTimeThenReadableInUtc() {
        assertThat(ClaimDescriptions.describe("exp", 1700000000, ""))
                .isEqualTo("When the token expires: Tue 14 Nov 2023, 22:13:20 UTC");
        assertThat(ClaimDescriptions.describe("iat", 1700000000L, "")).startsWith("When the token was issued: ");
        assertThat(ClaimDescriptions.describe("nbf", "soon", ""))
                .isEqualTo("The token is not valid before: (not a time in seconds since 1970)");
        assertThat(ClaimDescriptions.isoTime(1700000000)).isEqualTo("2023-11-14T22:13:20Z");
        assertThat(ClaimDescriptions.isoTime(1.5)).isEmpty();
    }

    @Test
    void describeWhenIssuerThenSaysWhoWithWhatTheViewerFound() {
        assertThat(ClaimDescriptions.describe("iss", "https://x/contoso/b2c_1_susi/v2.0", "user flow B2C_1_susi"))
                .isEqualTo("Who issued the token: user flow B2C_1_susi");
    }

    @Test
    void describeWhenFlowOrUserClaimsThenPlainWords() {
        assertThat(ClaimDescriptions.describe("tfp", "B2C_1_susi", "")).isEqualTo("The user flow that issued it");
        assertThat(ClaimDescriptions.describe("acr", "B2C_1_susi", "")).isEqualTo("The user flow that issued it");
        assertThat(ClaimDescriptions.describe("oid", "x", "")).isEqualTo("The user's object id");
        assertThat(ClaimDescriptions.describe("aud", "x", "")).startsWith("The application the token is for");
    }

    @Test
    void describeWhenUnknownClaimThenTheApplicationsOrTheFlows() {
        assertThat(ClaimDescriptions.describe("extension_loyaltyId", "42", ""))
                .isEqualTo("A claim of the application's or the flow's");
    }
}

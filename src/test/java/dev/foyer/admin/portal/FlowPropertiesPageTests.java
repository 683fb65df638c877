package dev.foyer.admin.portal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foyer.testing.Browser;
import dev.foyer.tenant.TenantContext;
import dev.foyer.userflow.MfaEnforcement;
import dev.foyer.userflow.MfaSettings;
import dev.foyer.userflow.TokenCompatibility;
import dev.foyer.userflow.UserFlow;
import dev.foyer.userflow.UserFlowProperties;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A flow's Properties tab: the seed's MFA switch, the advanced settings, and every way a save fails. */
class FlowPropertiesPageTests extends PortalTest {

    private static final String PROPERTIES = "form#propertiesForm";

    @Test
    void mfaSwitchWhenEnabledThenSmsOrPhoneCallAlwaysOnAndWhenDisabledThenOff() {
        Browser.Response page = page(flowPath("B2C_1_susi") + "/properties");
        assertThat(page.document().getElementById("mfaDisabled").hasAttr("checked")).isTrue();
        assertThat(page.document().getElementById("version").val()).isEqualTo(String.valueOf(stored("B2C_1_susi").version()));

        Browser.Response saved = admin.submit(page, PROPERTIES, "button#save", Map.of("mfa", "enabled"));
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(saved.document().getElementById("saved")).isNotNull();
        assertThat(saved.document().getElementById("mfaEnabled").hasAttr("checked")).isTrue();
        assertThat(saved.document().selectFirst("#mfaMethod option[selected]").val()).isEqualTo("phone");
        assertThat(saved.document().selectFirst("#mfaEnforcement option[selected]").val()).isEqualTo("ALWAYS_ON");
        assertThat(stored("B2C_1_susi").properties().mfa()).isEqualTo(MfaSettings.ENABLED);

        Browser.Response disabled = admin.submit(saved, PROPERTIES, "button#save", Map.of("mfa", "disabled"));
        assertThat(disabled.document().getElementById("saved")).isNotNull();
        assertThat(disabled.document().getElementById("mfaDisabled").hasAttr("checked")).isTrue();
        assertThat(stored("B2C_1_susi").properties().mfa().isOn()).isFalse();
    }

    @Test
    void advancedSettingsWhenSavedThenEveryPropertyIsStored() {
        Browser.Response page = page(flowPath("B2C_1_susi") + "/properties");
        Browser.Response saved = admin.submit(page, PROPERTIES, "button#save", Map.ofEntries(
                Map.entry("mfaMethod", "phoneSms"), Map.entry("mfaEnforcement", "ALWAYS_ON"),
                Map.entry("accessTokenMinutes", "30"), Map.entry("refreshTokenDays", "7"),
                Map.entry("slidingWindow", "unbounded"), Map.entry("issuer", "TENANT"), Map.entry("flowClaim", "ACR"),
                Map.entry("sessionMinutes", "60"), Map.entry("sessionType", "absolute"),
                Map.entry("requireIdTokenInLogout", "true"), Map.entry("passwordComplexity", "simple")));
        assertThat(saved.document().getElementById("saved")).as(saved.body()).isNotNull();

        UserFlowProperties p = stored("B2C_1_susi").properties();
        assertThat(p.mfa()).isEqualTo(new MfaSettings("phoneSms", MfaEnforcement.ALWAYS_ON));
        assertThat(p.tokenLifetimes().accessAndIdToken()).isEqualTo(Duration.ofMinutes(30));
        assertThat(p.tokenLifetimes().refreshToken()).isEqualTo(Duration.ofDays(7));
        assertThat(p.tokenLifetimes().refreshSlidingWindow()).isNull();
        assertThat(p.tokenCompatibility()).isEqualTo(new TokenCompatibility(TokenCompatibility.IssuerFormat.TENANT,
                TokenCompatibility.FlowClaim.ACR));
        assertThat(p.session().webSessionLifetime()).isEqualTo(Duration.ofMinutes(60));
        assertThat(p.session().rolling()).isFalse();
        assertThat(p.session().requireIdTokenInLogout()).isTrue();
        assertThat(p.passwordComplexity()).isEqualTo("simple");
        assertThat(saved.document().getElementById("mfaEnabled").hasAttr("checked")).as("the switch shows MFA on")
                .isTrue();
        assertThat(saved.document().getElementById("requireIdTokenInLogout").hasAttr("checked")).isTrue();
    }

    @Test
    void selfServicePasswordResetWhenTickedThenStoredAndTheSignInPageRunsTheResetInside() {
        Browser.Response page = page(flowPath("B2C_1_susi") + "/properties");
        assertThat(page.document().getElementById("selfServicePasswordReset").hasAttr("checked")).isFalse();

        Browser.Response saved = admin.submit(page, PROPERTIES, "button#save",
                Map.of("selfServicePasswordReset", "true"));

        assertThat(saved.document().getElementById("saved")).as(saved.body()).isNotNull();
        assertThat(saved.document().getElementById("selfServicePasswordReset").hasAttr("checked")).isTrue();
        assertThat(stored("B2C_1_susi").properties().selfServicePasswordReset()).isTrue();
        assertThat(stored("B2C_1_susi").properties().mfa().isOn()).as("nothing else changed").isFalse();
    }

    @Test
    void outOfRangeValuesWhenSavedThenEachIsShownNextToItsFieldAndNothingIsSaved() {
        UserFlow before = stored("B2C_1_susi");
        Browser.Response page = page(flowPath("B2C_1_susi") + "/properties");
        Browser.Response refused = admin.post(admin.formAction(page, PROPERTIES), form(page, PROPERTIES, Map.of(
                "accessTokenMinutes", "2", "refreshTokenDays", "91", "slidingWindow", "bounded",
                "slidingWindowDays", "0", "sessionMinutes", "a day", "mfa", "enabled")));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.pageError()).contains("Nothing was saved");
        assertThat(refused.fieldError("accessTokenMinutes")).isEqualTo("Access and ID token lifetime is 5 to 1440 minutes.");
        assertThat(refused.fieldError("refreshTokenDays")).isEqualTo("Refresh token lifetime is 1 to 90 days.");
        assertThat(refused.fieldError("slidingWindowDays")).startsWith("Refresh token sliding window lifetime is 1 to 365");
        assertThat(refused.fieldError("sessionMinutes")).isEqualTo("Web app session lifetime is 15 to 1440 minutes.");
        assertThat(refused.document().getElementById("sessionMinutes").val()).as("shown as typed").isEqualTo("a day");
        assertThat(refused.document().getElementById("accessTokenMinutes").attr("aria-invalid")).isEqualTo("true");
        assertThat(refused.document().getElementById("saved")).isNull();
        assertThat(stored("B2C_1_susi")).isEqualTo(before);
    }

    @Test
    void valuesTheFlowServiceRefusesWhenSavedThenItsMessagesAreShownNextToTheirFields() {
        UserFlow before = stored("B2C_1_susi");
        Browser.Response page = page(flowPath("B2C_1_susi") + "/properties");
        Browser.Response refused = admin.post(admin.formAction(page, PROPERTIES), form(page, PROPERTIES, Map.of(
                "mfaMethod", "carrierPigeon", "mfaEnforcement", "CONDITIONAL", "passwordComplexity", "trivial")));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.fieldError("mfaMethod")).isEqualTo("Unknown MFA method: carrierPigeon (phone, phoneSms or phoneCall).");
        assertThat(refused.fieldError("mfaEnforcement")).contains("Conditional MFA is not available yet");
        assertThat(refused.fieldError("passwordComplexity")).isEqualTo("Password complexity is simple or strong.");
        assertThat(stored("B2C_1_susi")).isEqualTo(before);
    }

    @Test
    void staleVersionWhenSavedThenChangedBySomeoneElseAndNothingIsSaved() {
        Browser.Response page = page(flowPath("B2C_1_susi") + "/properties");
        UserFlow read = stored("B2C_1_susi");
        UserFlow other = TenantContext.call(t.tenant(), () -> flows.update(new UserFlow(read.id(), read.name(),
                read.type(), read.definition().withProperties(read.properties().withMfa(
                        new MfaSettings("phoneCall", MfaEnforcement.ALWAYS_ON))), read.version()), read.version()));

        Browser.Response refused = admin.post(admin.formAction(page, PROPERTIES), form(page, PROPERTIES,
                Map.of("mfa", "enabled", "accessTokenMinutes", "20")));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.pageError()).contains("changed by someone else").contains("Reload");
        assertThat(stored("B2C_1_susi")).isEqualTo(other);
    }

    @Test
    void saveWithoutTheCsrfTokenIsForbidden() {
        Browser.Response page = page(flowPath("B2C_1_susi") + "/properties");
        Map<String, String> values = form(page, PROPERTIES, Map.of("mfa", "enabled"));
        values.remove("csrf_token");
        assertThat(admin.post(admin.formAction(page, PROPERTIES), values).status()).isEqualTo(403);
        values.put("csrf_token", "forged");
        assertThat(admin.post(admin.formAction(page, PROPERTIES), values).status()).isEqualTo(403);
        assertThat(stored("B2C_1_susi").properties().mfa().isOn()).isFalse();
    }
}

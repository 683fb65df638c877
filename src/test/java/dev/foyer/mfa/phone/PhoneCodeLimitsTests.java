package dev.foyer.mfa.phone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The limits' layers, the resend wait's growth, the checks on a tenant's values and the wait texts. */
class PhoneCodeLimitsTests {

    private static final PhoneCodeLimits NONE = new PhoneCodeLimits(null, null, null, null, null, null, null, null);

    @Test
    void overWhenFieldsMissingThenTakesThemFromTheFallback() {
        PhoneCodeLimits own = new PhoneCodeLimits(List.of("GB"), 2, null, null, null, 50, null, null);

        PhoneCodeLimits limits = own.over(PhoneCodeLimits.BUILT_IN);

        assertThat(limits).isEqualTo(new PhoneCodeLimits(List.of("GB"), 2, 10, 20, 5, 50, 10_000, 30));
        assertThat(NONE.over(PhoneCodeLimits.BUILT_IN)).isEqualTo(PhoneCodeLimits.BUILT_IN);
    }

    @Test
    void resendWaitWhenMoreCodesSentThenDoublesUpToAnHour() {
        PhoneCodeLimits limits = PhoneCodeLimits.BUILT_IN;

        assertThat(limits.resendWaitAfter(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(limits.resendWaitAfter(2)).isEqualTo(Duration.ofSeconds(60));
        assertThat(limits.resendWaitAfter(3)).isEqualTo(Duration.ofSeconds(120));
        assertThat(limits.resendWaitAfter(8)).isEqualTo(Duration.ofHours(1));
        assertThat(limits.resendWaitAfter(1_000)).isEqualTo(Duration.ofHours(1));
        PhoneCodeLimits tuned = new PhoneCodeLimits(null, null, null, null, null, null, null, 5).over(limits);
        assertThat(tuned.resendWaitAfter(1)).isEqualTo(Duration.ofSeconds(5));
        assertThat(tuned.resendWaitAfter(3)).isEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void allowsWhenTheNumbersOwnRegionIsListed() {
        PhoneCodeLimits usOnly = new PhoneCodeLimits(List.of("US"), null, null, null, null, null, null, null)
                .over(PhoneCodeLimits.BUILT_IN);

        assertThat(usOnly.allows(PhoneNumber.parse("US", "+447400123456", true))).isFalse();
        assertThat(usOnly.allows(PhoneNumber.parse("GB", "+14258201234", true))).isTrue();
        assertThat(PhoneCodeLimits.BUILT_IN.allows(PhoneNumber.ofE164("+2348021234567"))).isFalse();
        assertThat(PhoneCodeLimits.BUILT_IN.allows(PhoneNumber.ofE164("+447400123456"))).isTrue();
    }

    @Test
    void problemsNameEachBadFieldAndAcceptNullsAndAnyCase() {
        assertThat(PhoneLimitSettings.problems(NONE)).isEmpty();
        assertThat(PhoneLimitSettings.problems(new PhoneCodeLimits(List.of("gb", " de "), 1, 1_000_000, null, null,
                null, null, 3600))).isEmpty();
        assertThat(PhoneLimitSettings.problems(new PhoneCodeLimits(List.of("US", "XX"), 0, null, -1, null, null,
                1_000_001, 0))).containsOnlyKeys("allowedCountries", "perNumberPerHour", "perIpPerHour",
                "perTenantPerDay", "resendWaitSeconds")
                .hasEntrySatisfying("allowedCountries", message -> assertThat(message).contains("XX"));
        assertThat(PhoneLimitSettings.problems(new PhoneCodeLimits(List.of(), null, null, null, null, null, null,
                null))).containsEntry("allowedCountries", "List at least one country or region.");
    }

    @Test
    void serverSettingsWhenInvalidThenTheServerDoesNotStart() {
        assertThatThrownBy(() -> new PhoneLimitSettings(new PhoneCodeLimits(List.of("XX"), null, null, null, null,
                null, null, null), null)).isInstanceOf(IllegalStateException.class).hasMessageContaining("XX");
    }

    @Test
    void waitTextsRoundUpAndUseTheLargestSensibleUnit() {
        Instant now = Instant.parse("2026-03-01T10:00:00Z");

        assertThat(PhoneCodeCaps.waitFor(now.plusMillis(200), now)).isEqualTo("1 second");
        assertThat(PhoneCodeCaps.waitFor(now.plusMillis(29_001), now)).isEqualTo("30 seconds");
        assertThat(PhoneCodeCaps.waitFor(now.plusSeconds(120), now)).isEqualTo("120 seconds");
        assertThat(PhoneCodeCaps.waitFor(now.plusSeconds(121), now)).isEqualTo("3 minutes");
        assertThat(PhoneCodeCaps.waitFor(now.plus(Duration.ofMinutes(120)), now)).isEqualTo("120 minutes");
        assertThat(PhoneCodeCaps.waitFor(now.plus(Duration.ofMinutes(121)), now)).isEqualTo("3 hours");
        assertThat(PhoneCodeCaps.waitFor(now.minusSeconds(5), now)).isEqualTo("1 second");
    }
}

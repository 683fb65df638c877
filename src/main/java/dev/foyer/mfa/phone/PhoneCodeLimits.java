package dev.foyer.mfa.phone;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where phone codes may go and how many (PRODUCT.md "Defaults that protect users", SMS toll fraud).
 * Three layers, each field filled from the next when absent: a tenant's setting
 * {@value #SETTING}, the server's {@code foyer.mfa.phone.*}, then {@link #BUILT_IN}. Counts are
 * codes sent by SMS or voice call together; the windows are fixed hours and days (UTC), except
 * the unverified-number count, which looks back 24 hours.
 *
 * @param allowedCountries             ISO 3166 region codes a number must belong to, judged from
 *                                     the number itself
 * @param perNumberPerHour             codes to one number per hour, across journeys and nodes
 * @param perNumberPerDay              codes to one number per day
 * @param perIpPerHour                 codes requested from one client address per hour
 * @param unverifiedNumbersPerIpPerDay distinct numbers one address may have codes sent to while
 *                                     enrolling them, within 24 hours, until they are verified
 * @param perTenantPerHour             codes the whole tenant sends per hour
 * @param perTenantPerDay              codes the whole tenant sends per day
 * @param resendWaitSeconds            the wait after a journey's first code before another;
 *                                     it doubles after every further code
 */
@ConfigurationProperties("foyer.mfa.phone")
public record PhoneCodeLimits(List<String> allowedCountries, Integer perNumberPerHour, Integer perNumberPerDay,
                              Integer perIpPerHour, Integer unverifiedNumbersPerIpPerDay, Integer perTenantPerHour,
                              Integer perTenantPerDay, Integer resendWaitSeconds) {

    /** The tenant setting's name; documents of the older two-field shape read as a subset. */
    public static final String SETTING = "phoneCodeLimits";

    /**
     * North America, the UK and Ireland, the EU's western and northern members, the Nordics,
     * Switzerland, Australia and New Zealand: where most of a typical customer base lives and
     * where SMS pumping is rare. Administrators extend it for their customers.
     */
    public static final List<String> DEFAULT_COUNTRIES = List.of("US", "CA", "GB", "IE", "FR", "DE", "NL", "BE",
            "LU", "ES", "IT", "PT", "AT", "CH", "SE", "NO", "DK", "FI", "IS", "AU", "NZ");

    public static final PhoneCodeLimits BUILT_IN = new PhoneCodeLimits(DEFAULT_COUNTRIES, 5, 10, 20, 5, 1000, 10_000,
            30);

    static final Duration HOUR = Duration.ofHours(1);
    static final Duration DAY = Duration.ofDays(1);
    /** The longest wait between two codes of one journey, however many were sent. */
    static final Duration MAX_RESEND_WAIT = Duration.ofHours(1);

    public PhoneCodeLimits {
        allowedCountries = allowedCountries == null ? null : List.copyOf(allowedCountries);
    }

    /** Each field of this, or of {@code fallback} where this has none. */
    public PhoneCodeLimits over(PhoneCodeLimits fallback) {
        return new PhoneCodeLimits(
                allowedCountries != null ? allowedCountries : fallback.allowedCountries,
                perNumberPerHour != null ? perNumberPerHour : fallback.perNumberPerHour,
                perNumberPerDay != null ? perNumberPerDay : fallback.perNumberPerDay,
                perIpPerHour != null ? perIpPerHour : fallback.perIpPerHour,
                unverifiedNumbersPerIpPerDay != null ? unverifiedNumbersPerIpPerDay
                        : fallback.unverifiedNumbersPerIpPerDay,
                perTenantPerHour != null ? perTenantPerHour : fallback.perTenantPerHour,
                perTenantPerDay != null ? perTenantPerDay : fallback.perTenantPerDay,
                resendWaitSeconds != null ? resendWaitSeconds : fallback.resendWaitSeconds);
    }

    boolean allows(PhoneNumber number) {
        return allowedCountries.contains(number.region());
    }

    /** The wait after the {@code sent}-th code of a journey: the first wait, doubled for each code after the first. */
    Duration resendWaitAfter(int sent) {
        Duration first = Duration.ofSeconds(resendWaitSeconds);
        int doublings = Math.max(0, Math.min(sent - 1, 20));
        Duration wait = first.multipliedBy(1L << doublings);
        return wait.compareTo(MAX_RESEND_WAIT) > 0 ? MAX_RESEND_WAIT : wait;
    }
}

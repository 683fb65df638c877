package dev.foyer.mfa.phone;

import dev.foyer.tenant.TenantSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The phone code limits in force for the current tenant: its own setting over the server's
 * {@code foyer.mfa.phone.*} over {@link PhoneCodeLimits#BUILT_IN}. Also checks and stores a
 * tenant's own values for administrators.
 */
@Component
public class PhoneLimitSettings {

    /** The largest cap accepted; beyond it a cap protects nothing. */
    public static final int MAX_CAP = 1_000_000;
    /** The largest first wait between two codes of a journey, in seconds. */
    public static final int MAX_RESEND_WAIT_SECONDS = 3600;

    private final PhoneCodeLimits serverDefaults;
    private final TenantSettings settings;

    PhoneLimitSettings(PhoneCodeLimits server, TenantSettings settings) {
        Map<String, String> problems = problems(server);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Invalid foyer.mfa.phone settings: " + problems);
        }
        this.serverDefaults = normalized(server).over(PhoneCodeLimits.BUILT_IN);
        this.settings = settings;
    }

    /** The limits for the current tenant, every field filled. */
    public PhoneCodeLimits current() {
        return settings.find(PhoneCodeLimits.SETTING, PhoneCodeLimits.class)
                .map(own -> own.over(serverDefaults)).orElse(serverDefaults);
    }

    /**
     * Replaces the current tenant's own values with {@code own} (fields left null follow the
     * server's); returns the limits now in force. Check {@link #problems} first.
     */
    public PhoneCodeLimits replace(PhoneCodeLimits own) {
        Map<String, String> problems = problems(own);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("Invalid phone limits: " + problems);
        }
        settings.put(PhoneCodeLimits.SETTING, normalized(own));
        return current();
    }

    /** What is wrong with {@code limits}, by field name; empty when nothing is. Null fields are fine. */
    public static Map<String, String> problems(PhoneCodeLimits limits) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (limits.allowedCountries() != null) {
            List<String> unknown = new ArrayList<>();
            for (String code : limits.allowedCountries()) {
                String upper = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
                if (!Regions.known(upper)) {
                    unknown.add(code == null ? "null" : code);
                }
            }
            if (!unknown.isEmpty()) {
                problems.put("allowedCountries", "Unknown country or region code(s): " + String.join(", ", unknown)
                        + ". Use ISO 3166 codes such as US, GB or DE.");
            } else if (limits.allowedCountries().isEmpty()) {
                problems.put("allowedCountries", "List at least one country or region.");
            }
        }
        cap(problems, "perNumberPerHour", limits.perNumberPerHour(), MAX_CAP);
        cap(problems, "perNumberPerDay", limits.perNumberPerDay(), MAX_CAP);
        cap(problems, "perIpPerHour", limits.perIpPerHour(), MAX_CAP);
        cap(problems, "unverifiedNumbersPerIpPerDay", limits.unverifiedNumbersPerIpPerDay(), MAX_CAP);
        cap(problems, "perTenantPerHour", limits.perTenantPerHour(), MAX_CAP);
        cap(problems, "perTenantPerDay", limits.perTenantPerDay(), MAX_CAP);
        cap(problems, "resendWaitSeconds", limits.resendWaitSeconds(), MAX_RESEND_WAIT_SECONDS);
        return problems;
    }

    private static void cap(Map<String, String> problems, String field, Integer value, int max) {
        if (value != null && (value < 1 || value > max)) {
            problems.put(field, "Must be a whole number from 1 to " + max + ".");
        }
    }

    /** Region codes in upper case, each once, in the order given. */
    private static PhoneCodeLimits normalized(PhoneCodeLimits limits) {
        if (limits.allowedCountries() == null) {
            return limits;
        }
        Set<String> codes = new LinkedHashSet<>();
        limits.allowedCountries().forEach(code -> codes.add(code.strip().toUpperCase(Locale.ROOT)));
        return new PhoneCodeLimits(List.copyOf(codes), limits.perNumberPerHour(), limits.perNumberPerDay(),
                limits.perIpPerHour(), limits.unverifiedNumbersPerIpPerDay(), limits.perTenantPerHour(),
                limits.perTenantPerDay(), limits.resendWaitSeconds());
    }
}

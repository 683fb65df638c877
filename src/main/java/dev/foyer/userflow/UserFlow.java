package dev.foyer.userflow;

import java.util.Locale;
import java.util.UUID;

/**
 * A user flow (B2C "policy"): a name, a type and its configuration.
 *
 * @param name    as created, always with the {@code B2C_1_} prefix, e.g. {@code B2C_1_susi}
 * @param version increases on every change; optimistic concurrency for administrators
 */
public record UserFlow(UUID id, String name, UserFlowType type, UserFlowDefinition definition, int version) {

    public static final String PREFIX = "B2C_1_";

    /** The name as it appears in URLs, issuers and metadata: lower case, as MSAL spells it. */
    public String canonicalName() {
        return canonicalName(name);
    }

    public UserFlowProperties properties() {
        return definition.properties();
    }

    /** Adds the {@code B2C_1_} prefix when missing, as B2C does when a flow is created. */
    public static String withPrefix(String name) {
        return name.regionMatches(true, 0, PREFIX, 0, PREFIX.length()) ? name : PREFIX + name;
    }

    public static String canonicalName(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}

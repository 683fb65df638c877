package dev.foyer.security;

import dev.foyer.tenant.TenantSettings;
import org.springframework.stereotype.Component;

/**
 * The one-time code rules in force for the current tenant: its own setting {@code codes} when it
 * has one, otherwise the server-wide {@code foyer.codes.*}.
 */
@Component
public class CodePolicies {

    public static final String SETTING = "codes";

    private final CodePolicy defaults;
    private final TenantSettings settings;

    public CodePolicies(CodePolicy defaults, TenantSettings settings) {
        this.defaults = defaults;
        this.settings = settings;
    }

    public CodePolicy current() {
        return settings.find(SETTING, CodePolicy.class).orElse(defaults);
    }
}

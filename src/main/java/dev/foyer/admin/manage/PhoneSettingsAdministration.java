package dev.foyer.admin.manage;

import dev.foyer.admin.access.AdminCaller;
import dev.foyer.mfa.phone.PhoneCodeLimits;
import dev.foyer.mfa.phone.PhoneLimitSettings;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The current tenant's SMS and voice code limits (toll-fraud defences): the countries codes may go
 * to and the caps per number, address and tenant, each the tenant's own or the server's default.
 */
@Service
public class PhoneSettingsAdministration {

    private final PhoneLimitSettings limits;
    private final AdminChanges changes;

    PhoneSettingsAdministration(PhoneLimitSettings limits, AdminChanges changes) {
        this.limits = limits;
        this.changes = changes;
    }

    /** The limits in force, every field filled. */
    public PhoneCodeLimits get(AdminCaller caller) {
        return limits.current();
    }

    /**
     * Makes {@code own} the tenant's values; fields left null follow the server's defaults.
     * Bad values are refused, each named, and nothing changes.
     */
    @Transactional
    public PhoneCodeLimits replace(PhoneCodeLimits own, AdminCaller caller) {
        Map<String, String> problems = PhoneLimitSettings.problems(own);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        PhoneCodeLimits before = limits.current();
        PhoneCodeLimits after = limits.replace(own);
        changes.record(caller, "phoneSettings", "update", "phone", before, after);
        return after;
    }
}

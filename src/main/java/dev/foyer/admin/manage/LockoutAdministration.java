package dev.foyer.admin.manage;

import dev.foyer.admin.access.AdminCaller;
import dev.foyer.lockout.LockoutSettings;
import dev.foyer.lockout.SignInLockout;
import dev.foyer.tenant.TenantSettings;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The current tenant's sign-in lockout and per-address throttle rules (its setting
 * {@code signInLockout}), read and replaced; a field left out takes the server's default.
 */
@Service
public class LockoutAdministration {

    private final SignInLockout lockout;
    private final TenantSettings settings;
    private final AdminChanges changes;

    LockoutAdministration(SignInLockout lockout, TenantSettings settings, AdminChanges changes) {
        this.lockout = lockout;
        this.settings = settings;
        this.changes = changes;
    }

    /** New rules; a null field takes the server's default. */
    public record LockoutInput(Integer threshold, Integer lockoutSeconds, Integer maxLockoutSeconds,
                               Integer failuresPerIp, Integer ipWindowSeconds) {
    }

    /** The rules in force in the current tenant. */
    public LockoutSettings get(AdminCaller caller) {
        return lockout.settings();
    }

    @Transactional
    public LockoutSettings replace(LockoutInput input, AdminCaller caller) {
        LockoutSettings defaults = lockout.defaults();
        LockoutSettings next = new LockoutSettings(
                input.threshold() != null ? input.threshold() : defaults.threshold(),
                input.lockoutSeconds() != null ? input.lockoutSeconds() : defaults.lockoutSeconds(),
                input.maxLockoutSeconds() != null ? input.maxLockoutSeconds() : defaults.maxLockoutSeconds(),
                input.failuresPerIp() != null ? input.failuresPerIp() : defaults.failuresPerIp(),
                input.ipWindowSeconds() != null ? input.ipWindowSeconds() : defaults.ipWindowSeconds());
        Map<String, String> errors = next.violations();
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        LockoutSettings before = lockout.settings();
        settings.put(LockoutSettings.SETTING, next);
        changes.record(caller, "tenantSetting", "update", LockoutSettings.SETTING, before, next);
        return next;
    }
}

package dev.foyer.admin.portal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foyer.admin.access.SystemTenant;
import dev.foyer.mfa.phone.PhoneCodeLimits;
import dev.foyer.tenant.TenantSettings;
import dev.foyer.testing.AdminEndToEndTest;
import dev.foyer.testing.Browser;
import dev.foyer.testing.TestTenant;
import dev.foyer.tenant.TenantContext;
import dev.foyer.userflow.UserFlow;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;

/** Base of the portal's page tests: a fresh tenant and an administrator signed in to the portal. */
abstract class PortalTest extends AdminEndToEndTest {

    protected TestTenant t;
    protected Browser admin;

    @Autowired
    protected TenantSettings settings;

    @BeforeEach
    void signInAdministrator() {
        allowAdministratorSignInsFromOneAddress(system, settings);
        t = newTenant();
        admin = browser();
        signInToPortal(admin, newAdministrator());
    }

    /**
     * Every test signs an administrator in from 127.0.0.1 with an SMS code, more often than the
     * default per-address cap of the system tenant allows in an hour; lift it for these tests.
     */
    static void allowAdministratorSignInsFromOneAddress(SystemTenant system, TenantSettings settings) {
        TenantContext.run(system.tenant(), () -> settings.put(PhoneCodeLimits.SETTING,
                java.util.Map.of("perIpPerHour", 1000)));
    }

    protected String tenantPath() {
        return "/admin/tenants/" + t.name();
    }

    protected String flowPath(String flow) {
        return tenantPath() + "/userFlows/" + flow;
    }

    protected Browser.Response page(String path) {
        Browser.Response page = admin.open(path);
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        return page;
    }

    /** The form's values as a browser would send them, with {@code changes} typed over them. */
    protected Map<String, String> form(Browser.Response page, String formSelector, Map<String, String> changes) {
        Map<String, String> values = new LinkedHashMap<>(admin.formValues(page, formSelector));
        values.putAll(changes);
        return values;
    }

    protected UserFlow stored(String flow) {
        return TenantContext.call(t.tenant(), () -> flows.findByName(flow).orElseThrow());
    }

    protected String text(Browser.Response page, String id) {
        var element = page.document().getElementById(id);
        return element == null ? "" : element.text();
    }
}

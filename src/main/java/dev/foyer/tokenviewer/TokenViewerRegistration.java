package dev.foyer.tokenviewer;

import dev.foyer.tenant.Tenant;
import dev.foyer.tenant.TenantRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * At start, after the demo seed, gives every tenant its token viewer application and updates the
 * reply URLs of those whose origins changed (another port, a public base URL set). A tenant whose
 * viewer cannot be registered (say, a public base URL on plain http, which no reply URL may use)
 * is logged and skipped: the test application is a convenience, not a reason to refuse to start.
 */
@Component
@Order(200)
class TokenViewerRegistration implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(TokenViewerRegistration.class);

    private final TenantRepository tenants;
    private final TokenViewerApplication viewer;

    TokenViewerRegistration(TenantRepository tenants, TokenViewerApplication viewer) {
        this.tenants = tenants;
        this.viewer = viewer;
    }

    @Override
    public void run(ApplicationArguments args) {
        tenants.findAll().forEach(this::ensureFor);
    }

    private void ensureFor(Tenant tenant) {
        try {
            viewer.ensureFor(tenant);
        } catch (RuntimeException e) {
            log.warn("Could not register the token viewer of tenant '{}': {}", tenant.name(), e.getMessage());
        }
    }
}

package dev.foyer.admin.access;

import dev.foyer.application.Application;
import dev.foyer.application.ApplicationRepository;
import dev.foyer.application.ApplicationType;
import dev.foyer.keys.SigningKeys;
import dev.foyer.tenant.Tenant;
import dev.foyer.tenant.TenantContext;
import dev.foyer.tenant.TenantRepository;
import dev.foyer.userflow.MfaSettings;
import dev.foyer.userflow.UserFlowDefinition;
import dev.foyer.userflow.UserFlowProperties;
import dev.foyer.userflow.UserFlowRepository;
import dev.foyer.userflow.UserFlowType;
import dev.foyer.web.ServerOrigins;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The built-in tenant {@code system}: its users are the administrators. Created on every start
 * where it is missing, with the sign-in-only flow {@code B2C_1_admin} (MFA always on) and the
 * portal's application.
 */
@Component
@Order(50)
public class SystemTenant implements ApplicationRunner {

    public static final String NAME = "system";
    public static final String FLOW = "B2C_1_admin";
    public static final String PORTAL_APP = "Foyer admin portal";
    public static final String CALLBACK = "/admin/callback";
    static final List<String> CLAIMS = List.of("emails", "name", "oid", "tid");

    private final TenantRepository tenants;
    private final UserFlowRepository flows;
    private final ApplicationRepository applications;
    private final SigningKeys keys;
    private final ServerOrigins origins;
    private final TransactionTemplate transaction;

    SystemTenant(TenantRepository tenants, UserFlowRepository flows, ApplicationRepository applications,
                 SigningKeys keys, ServerOrigins origins, TransactionTemplate transaction) {
        this.tenants = tenants;
        this.flows = flows;
        this.applications = applications;
        this.keys = keys;
        this.origins = origins;
        this.transaction = transaction;
    }

    @Override
    public void run(ApplicationArguments args) {
        transaction.executeWithoutResult(status -> {
            Tenant tenant = tenants.findByNameOrId(NAME).orElseGet(() -> {
                Tenant created = new Tenant(UUID.randomUUID(), NAME, "Foyer administration");
                tenants.add(created);
                return created;
            });
            TenantContext.run(tenant, () -> {
                if (flows.findByName(FLOW).isEmpty()) {
                    flows.create("admin", UserFlowType.SIGN_IN, new UserFlowDefinition(
                            List.of(UserFlowDefinition.LOCAL_ACCOUNT), List.of(), CLAIMS,
                            UserFlowProperties.DEFAULTS.withMfa(MfaSettings.ENABLED)));
                }
                Optional<Application> portal = portal();
                if (portal.isEmpty()) {
                    applications.register(new Application(UUID.randomUUID(), PORTAL_APP, ApplicationType.WEB,
                            origins.urls(CALLBACK), Optional.empty()));
                } else if (!portal.get().redirectUris().equals(origins.urls(CALLBACK))) {
                    // The server moved (another port or public URL): the portal answers only where it runs now.
                    applications.updateRedirectUris(portal.get().clientId(), origins.urls(CALLBACK));
                }
                keys.activeKey();
            });
        });
    }

    public Tenant tenant() {
        return tenants.findByNameOrId(NAME).orElseThrow(() -> new IllegalStateException("No system tenant"));
    }

    /** The portal's application; call inside the system tenant. */
    public Optional<Application> portal() {
        return applications.findAll().stream().filter(a -> a.displayName().equals(PORTAL_APP)).findFirst();
    }
}

package dev.foyer.demo;

import dev.foyer.application.Application;
import dev.foyer.application.ApplicationRepository;
import dev.foyer.application.ClientSecrets;
import dev.foyer.application.IssuedSecret;
import dev.foyer.keys.SigningKeys;
import dev.foyer.tenant.Tenant;
import dev.foyer.tenant.TenantContext;
import dev.foyer.tenant.TenantRepository;
import dev.foyer.userflow.MfaSettings;
import dev.foyer.userflow.UserFlowDefinition;
import dev.foyer.userflow.UserFlowProperties;
import dev.foyer.userflow.UserFlowRepository;
import dev.foyer.userflow.UserFlowType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seeds, only what is absent, the demo tenant {@code contoso}: the user flows {@code B2C_1_susi}
 * (no MFA) and {@code B2C_1_susi_mfa} (MFA always on, SMS or phone call), the password reset flow
 * {@code B2C_1_password_reset} that the demo applications start when a user presses "Forgot your
 * password?" (B2C's AADB2C90118), the profile editing flow {@code B2C_1_profile_edit} (the
 * attributes sign-up collects, and the phone number), the seed's two applications — "Contoso Auto Insurance" signs in
 * through the first, "Contoso Home Insurance" through the second — and the sample applications under
 * {@code examples/} (see {@link ExampleApps}), whose client ids and secrets it keeps in
 * {@link DemoClientsFile}. Turned off with
 * {@code foyer.demo.enabled=false}.
 */
@Component
@Order(100)
class DemoTenant implements ApplicationRunner {

    static final String TENANT = "contoso";
    static final String APP_NAME = "Contoso Auto Insurance";
    static final String HOME_APP_NAME = "Contoso Home Insurance";
    /** The seed's two applications in one tenant: one signs in without MFA, the other with it. */
    static final Map<String, String> APP_FLOWS = new LinkedHashMap<>(Map.of(APP_NAME, "B2C_1_susi"));

    static {
        APP_FLOWS.put(HOME_APP_NAME, "B2C_1_susi_mfa");
    }
    /** The demo's password reset flow, which the landing page and the callback link to. */
    static final String PASSWORD_RESET_FLOW = "B2C_1_password_reset";
    /** The demo's profile editing flow, linked from the landing page ("Edit profile"). */
    static final String PROFILE_EDIT_FLOW = "B2C_1_profile_edit";
    static final List<String> SIGN_UP_ATTRIBUTES = List.of("displayName", "givenName", "surname");
    static final List<String> APPLICATION_CLAIMS = List.of("emails", "name", "given_name", "family_name", "oid", "tid",
            "idp", "newUser");

    private static final Logger log = LoggerFactory.getLogger(DemoTenant.class);

    private final boolean enabled;
    private final Path dataDir;
    private final DemoLinks links;
    private final TenantRepository tenants;
    private final ApplicationRepository applications;
    private final ClientSecrets secrets;
    private final UserFlowRepository flows;
    private final TransactionTemplate transaction;
    private final SigningKeys signingKeys;

    DemoTenant(@Value("${foyer.demo.enabled:true}") boolean enabled, @Value("${foyer.data-dir}") String dataDir,
               DemoLinks links, TenantRepository tenants,
               ApplicationRepository applications, ClientSecrets secrets, UserFlowRepository flows,
               TransactionTemplate transaction, SigningKeys signingKeys) {
        this.enabled = enabled;
        this.dataDir = Path.of(dataDir);
        this.links = links;
        this.tenants = tenants;
        this.applications = applications;
        this.secrets = secrets;
        this.flows = flows;
        this.transaction = transaction;
        this.signingKeys = signingKeys;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled) {
            return;
        }
        Optional<Tenant> existing = tenants.findByNameOrId(TENANT);
        if (existing.isEmpty()) {
            transaction.executeWithoutResult(status -> seed());
        }
        Tenant tenant = tenants.findByNameOrId(TENANT).orElseThrow();
        DemoClientsFile clients = DemoClientsFile.in(dataDir);
        TenantContext.run(tenant, () -> transaction.executeWithoutResult(status -> {
            ExampleApps.ALL.forEach(example -> register(example, clients));
            createPasswordResetFlowIfAbsent();
            createProfileEditFlowIfAbsent();
        }));
        clients.save();
        log.info("Demo tenant '{}' is ready. Try:\n  {}\n  {}\n  Emails and text messages: {}\n"
                        + "  The sample apps under examples/ read their client ids and secrets from {}", TENANT,
                links.landingPage(), links.discovery(TENANT, "B2C_1_susi"), links.outbox(), clients.path());
    }

    private void seed() {
        Tenant tenant = new Tenant(UUID.randomUUID(), TENANT, "Contoso");
        tenants.add(tenant);
        TenantContext.run(tenant, () -> {
            flows.create("susi", UserFlowType.SIGN_UP_OR_SIGN_IN, definition(MfaSettings.OFF));
            flows.create("susi_mfa", UserFlowType.SIGN_UP_OR_SIGN_IN, definition(MfaSettings.ENABLED));
            signingKeys.activeKey();
            log.info("Seeded demo tenant '{}' ({})", TENANT, tenant.id());
        });
    }

    /** Also on a demo tenant seeded before the flow existed. */
    private void createPasswordResetFlowIfAbsent() {
        if (flows.findByName(PASSWORD_RESET_FLOW).isEmpty()) {
            flows.create(PASSWORD_RESET_FLOW, UserFlowType.PASSWORD_RESET, new UserFlowDefinition(
                    List.of(UserFlowDefinition.LOCAL_ACCOUNT), List.of(), APPLICATION_CLAIMS, UserFlowProperties.DEFAULTS));
        }
    }

    /** Also on a demo tenant seeded before the flow existed. */
    private void createProfileEditFlowIfAbsent() {
        if (flows.findByName(PROFILE_EDIT_FLOW).isEmpty()) {
            flows.create(PROFILE_EDIT_FLOW, UserFlowType.PROFILE_EDITING, definition(MfaSettings.OFF));
        }
    }

    /**
     * Registers the example (once), keeps its reply URLs in line with the demo's origins and the
     * example's fixed address, and makes sure the clients file holds a client secret that works.
     */
    private void register(ExampleApps.ExampleApp example, DemoClientsFile clients) {
        List<String> redirectUris = new ArrayList<>();
        if (example.landingPageFlow().isPresent()) {
            redirectUris.addAll(links.demoRedirectUris());
        }
        redirectUris.addAll(example.redirectUris());
        Application wanted = new Application(null, example.name(), example.type(), redirectUris, example.logoutUrl());
        Optional<Application> existing = applications.findAll().stream()
                .filter(a -> a.displayName().equals(example.name())).findFirst();
        Application app;
        if (existing.isEmpty()) {
            app = applications.register(wanted);
            log.info("Registered demo application '{}', client_id {}", example.name(), app.clientId());
        } else {
            app = existing.get();
            if (!app.redirectUris().equals(redirectUris) || !app.logoutUrl().equals(example.logoutUrl())) {
                app = applications.update(new Application(app.clientId(), app.displayName(), app.type(), redirectUris,
                        example.logoutUrl()));
            }
        }
        UUID clientId = app.clientId();
        if (!example.confidential()) {
            clients.put(example.key(), clientId.toString(), null);
            return;
        }
        boolean known = clients.clientId(example.key()).filter(clientId.toString()::equals).isPresent()
                && clients.clientSecret(example.key()).filter(s -> secrets.verify(clientId, s)).isPresent();
        if (!known) {
            IssuedSecret secret = secrets.issue(clientId);
            clients.put(example.key(), clientId.toString(), secret.secret());
        }
    }

    static UserFlowDefinition definition(MfaSettings mfa) {
        return new UserFlowDefinition(List.of(UserFlowDefinition.LOCAL_ACCOUNT), SIGN_UP_ATTRIBUTES,
                APPLICATION_CLAIMS, UserFlowProperties.DEFAULTS.withMfa(mfa));
    }
}

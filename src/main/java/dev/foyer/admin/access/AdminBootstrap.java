package dev.foyer.admin.access;

import dev.foyer.directory.AccountExistsException;
import dev.foyer.directory.Accounts;
import dev.foyer.directory.EmailAddress;
import dev.foyer.directory.NewUser;
import dev.foyer.security.OpaqueTokens;
import dev.foyer.tenant.TenantContext;
import dev.foyer.tenant.TenantSettings;
import dev.foyer.web.ServerOrigins;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The first administrator. With {@code FOYER_ADMIN_EMAIL} and {@code FOYER_ADMIN_PASSWORD} set, it
 * is created on start when the system tenant has no user yet; otherwise a one-time setup link (valid
 * 24 hours, stored hashed) is printed to the log, and whoever opens it first creates the account.
 * Either way the administrator adds a phone at the first sign-in: the admin flow requires MFA.
 */
@Component
@Order(60)
public class AdminBootstrap implements ApplicationRunner {

    static final String SETUP_SETTING = "adminSetup";
    static final String SETUP_PATH = "/admin/setup";
    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    private final SystemTenant system;
    private final Accounts accounts;
    private final TenantSettings settings;
    private final JdbcClient jdbc;
    private final ServerOrigins origins;
    private final Clock clock;
    private final String email;
    private final String password;

    AdminBootstrap(SystemTenant system, Accounts accounts, TenantSettings settings, JdbcClient jdbc,
                   ServerOrigins origins, Clock clock,
                   @Value("${foyer.admin.bootstrap.email:}") String email,
                   @Value("${foyer.admin.bootstrap.password:}") String password) {
        this.system = system;
        this.accounts = accounts;
        this.settings = settings;
        this.jdbc = jdbc;
        this.origins = origins;
        this.clock = clock;
        this.email = email;
        this.password = password;
    }

    /** A pending setup: the hash of the link's token and when it expires. */
    public record PendingSetup(String tokenHash, Instant expiresAt) {
    }

    @Override
    public void run(ApplicationArguments args) {
        TenantContext.run(system.tenant(), () -> {
            if (hasAdministrators()) {
                return;
            }
            if (!email.isBlank() && !password.isBlank()) {
                createAdministrator(email, password, "Administrator");
                log.info("Created the first administrator, {}, from the environment", email);
                return;
            }
            String token = OpaqueTokens.generate();
            settings.put(SETUP_SETTING, new PendingSetup(OpaqueTokens.hash(token), clock.instant().plus(Duration.ofHours(24))));
            log.warn("No administrator yet. Create the first one within 24 hours at: {}{}?token={}",
                    origins.primary(), SETUP_PATH, token);
        });
    }

    /** Whether the system tenant has any user; call inside the system tenant. */
    boolean hasAdministrators() {
        return jdbc.sql("select count(*) from directory_user where tenant_id = ?").param(TenantContext.currentId())
                .query(Integer.class).single() > 0;
    }

    /** Whether {@code token} is the live setup link's; call inside the system tenant. */
    boolean setupTokenValid(String token) {
        if (token == null || token.isBlank() || hasAdministrators()) {
            return false;
        }
        Optional<PendingSetup> pending = settings.find(SETUP_SETTING, PendingSetup.class);
        return pending.filter(p -> p.expiresAt().isAfter(clock.instant()))
                .filter(p -> OpaqueTokens.equal(p.tokenHash(), OpaqueTokens.hash(token))).isPresent();
    }

    /** Creates the first administrator through the setup link, which then stops working. */
    @Transactional
    void completeSetup(String token, String newEmail, String newPassword, String displayName) {
        if (!setupTokenValid(token)) {
            throw new IllegalStateException("The setup link is no longer valid");
        }
        createAdministrator(newEmail, newPassword, displayName);
        settings.remove(SETUP_SETTING);
    }

    private void createAdministrator(String rawEmail, String rawPassword, String displayName) {
        try {
            accounts.signUp(new NewUser(EmailAddress.parse(rawEmail), rawPassword, displayName, null, null, Map.of()));
        } catch (AccountExistsException e) {
            log.info("Administrator {} exists already", rawEmail);
        }
    }
}

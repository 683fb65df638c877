package dev.foyer.mfa.phone;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foyer.security.RateLimits;
import dev.foyer.tenant.JdbcTenantRepository;
import dev.foyer.tenant.Tenant;
import dev.foyer.tenant.TenantContext;
import dev.foyer.tenant.TestTenants;
import dev.foyer.testing.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The enrollment attempt store's contract, against a bare migrated database; once per backend. */
abstract class JdbcEnrollmentAttemptsTests {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final String IP = "203.0.113.7";
    private static final PhoneNumber A = PhoneNumber.ofE164("+14258201001");
    private static final PhoneNumber B = PhoneNumber.ofE164("+14258201002");
    private static final PhoneNumber C = PhoneNumber.ofE164("+14258201003");

    private final TestClock clock = new TestClock(T0);
    private JdbcEnrollmentAttempts attempts;
    private TransactionTemplate transactions;
    private JdbcTenantRepository tenants;
    private Tenant tenant;

    abstract DataSource newDatabase();

    @BeforeEach
    void database() {
        DataSource dataSource = newDatabase();
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        DataSourceTransactionManager manager = new DataSourceTransactionManager(dataSource);
        transactions = new TransactionTemplate(manager);
        attempts = new JdbcEnrollmentAttempts(jdbc, clock, manager);
        tenants = new JdbcTenantRepository(jdbc);
        tenant = TestTenants.create(tenants);
    }

    @Test
    void admitWhenCapReachedThenRefusedUntilTheOldestNumberIsADayOld() {
        assertThat(admit(IP, A, 2).allowed()).isTrue();
        clock.advance(Duration.ofHours(1));
        assertThat(admit(IP, B, 2).allowed()).isTrue();

        RateLimits.Decision refused = admit(IP, C, 2);

        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfter()).isEqualTo(T0.plus(Duration.ofHours(24)));
        assertThat(admit(IP, A, 2).allowed()).as("a number already counted").isTrue();
        assertThat(admit("198.51.100.1", C, 2).allowed()).as("another address").isTrue();
        clock.set(T0.plus(Duration.ofHours(24)));
        assertThat(admit(IP, C, 2).allowed()).as("A no longer counts").isTrue();
    }

    @Test
    void verifiedWhenANumberIsProvenThenItNoLongerCounts() {
        admit(IP, A, 2);
        admit(IP, B, 2);
        inTenant(tenant, () -> {
            transactions.executeWithoutResult(status -> attempts.verified(A));
            return null;
        });

        assertThat(admit(IP, C, 2).allowed()).isTrue();
        assertThat(admit(IP, A, 2).allowed()).as("verified numbers pass").isTrue();
    }

    @Test
    void admitWhenAnotherTenantThenCountsApart() {
        admit(IP, A, 1);
        Tenant other = TestTenants.create(tenants);

        assertThat(inTenant(other, () -> transactions.execute(status -> attempts.admit(IP, B, 1))).allowed()).isTrue();
        assertThat(admit(IP, B, 1).allowed()).isFalse();
    }

    @Test
    void deleteOldWhenTwoDaysPassedThenRowsGo() {
        admit(IP, A, 1);
        clock.advance(Duration.ofDays(2).plusSeconds(1));
        attempts.deleteOld();
        clock.set(T0.plusSeconds(1));

        assertThat(admit(IP, B, 1).allowed()).as("A's row is gone").isTrue();
    }

    private RateLimits.Decision admit(String ip, PhoneNumber number, int cap) {
        return inTenant(tenant, () -> transactions.execute(status -> attempts.admit(ip, number, cap)));
    }

    private static <T> T inTenant(Tenant tenant, Supplier<T> work) {
        return TenantContext.call(tenant, work);
    }
}

package dev.foyer.mfa.phone;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foyer.tenant.JdbcTenantRepository;
import dev.foyer.tenant.Tenant;
import dev.foyer.tenant.TenantContext;
import dev.foyer.tenant.TestTenants;
import dev.foyer.testing.ContractRows;
import dev.foyer.testing.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The phone method store's contract, against a bare migrated database; once per backend. */
abstract class JdbcPhoneMethodsTests {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final PhoneNumber NUMBER = PhoneNumber.ofE164("+14155550123");
    private static final PhoneNumber OTHER_NUMBER = PhoneNumber.ofE164("+447700900123");

    private final TestClock clock = new TestClock(T0);
    private JdbcClient jdbc;
    private JdbcPhoneMethods methods;
    private TransactionTemplate transactions;
    private JdbcTenantRepository tenants;
    private Tenant tenant;
    private UUID ada;

    abstract DataSource newDatabase();

    @BeforeEach
    void database() {
        DataSource dataSource = newDatabase();
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        jdbc = JdbcClient.create(dataSource);
        DataSourceTransactionManager manager = new DataSourceTransactionManager(dataSource);
        transactions = new TransactionTemplate(manager);
        methods = new JdbcPhoneMethods(jdbc, clock, manager);
        tenants = new JdbcTenantRepository(jdbc);
        tenant = TestTenants.create(tenants);
        ada = ContractRows.user(jdbc, tenant.id());
    }

    @Test
    void attachThenVerifiedListsTheMethodsInTheOrderAttached() {
        PhoneMethod first = in(tenant, () -> methods.attach(ada, NUMBER));
        clock.advance(Duration.ofMinutes(1));
        PhoneMethod second = in(tenant, () -> methods.attach(ada, OTHER_NUMBER));

        assertThat(first.verifiedAt()).isEqualTo(T0);
        assertThat(in(tenant, () -> methods.verified(ada))).containsExactly(first, second);
    }

    @Test
    void attachTheSameNumberAgainThenReturnsTheExistingMethod() {
        PhoneMethod first = in(tenant, () -> methods.attach(ada, NUMBER));
        clock.advance(Duration.ofMinutes(1));

        PhoneMethod again = in(tenant, () -> methods.attach(ada, NUMBER));

        assertThat(again).isEqualTo(first);
        assertThat(in(tenant, () -> methods.verified(ada))).containsExactly(first);
    }

    @Test
    void deleteThenGoneAndOtherMethodsStay() {
        PhoneMethod first = in(tenant, () -> methods.attach(ada, NUMBER));
        PhoneMethod second = in(tenant, () -> methods.attach(ada, OTHER_NUMBER));

        in(tenant, () -> methods.delete(ada, first.id()));

        assertThat(in(tenant, () -> methods.verified(ada))).containsExactly(second);
    }

    @Test
    void attachWhenEightJourneysOfOneUserProveTheSameNumberAtOnceThenOneMethod() throws Exception {
        int threads = 8;
        for (int round = 0; round < 3; round++) {
            UUID user = ContractRows.user(jdbc, tenant.id());
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<PhoneMethod>> results = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    boolean inCallersTransaction = t % 2 == 0;
                    results.add(pool.submit(() -> {
                        start.await();
                        return in(tenant, () -> inCallersTransaction
                                ? transactions.execute(status -> methods.attach(user, NUMBER))
                                : methods.attach(user, NUMBER));
                    }));
                }
                start.countDown();
                List<UUID> ids = new ArrayList<>();
                for (Future<PhoneMethod> result : results) {
                    ids.add(result.get(30, TimeUnit.SECONDS).id());
                }
                List<PhoneMethod> stored = in(tenant, () -> methods.verified(user));
                assertThat(stored).as("round " + round).hasSize(1);
                assertThat(ids).as("every caller gets the winner's method").containsOnly(stored.get(0).id());
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void anotherTenantNeitherSeesNorAttachesToNorDeletesTheUsersMethods() {
        Tenant other = TestTenants.create(tenants);
        PhoneMethod method = in(tenant, () -> methods.attach(ada, NUMBER));

        assertThat(in(other, () -> methods.verified(ada))).isEmpty();
        in(other, () -> methods.attach(ada, OTHER_NUMBER));
        in(other, () -> methods.delete(ada, method.id()));

        assertThat(in(tenant, () -> methods.verified(ada))).containsExactly(method);
        assertThat(jdbc.sql("select count(*) from phone_method where tenant_id = ?").param(other.id())
                .query(Integer.class).single()).isZero();
    }

    private static <T> T in(Tenant tenant, Supplier<T> work) {
        return TenantContext.call(tenant, work);
    }

    private static void in(Tenant tenant, Runnable work) {
        TenantContext.run(tenant, work);
    }
}

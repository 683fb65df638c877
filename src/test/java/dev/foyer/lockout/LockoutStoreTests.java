package dev.foyer.lockout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foyer.tenant.Tenant;
import dev.foyer.tenant.TenantContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.aop.support.AopUtils;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.EnableTransactionManagement;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The lockout store's contract, against a bare migrated database; once per backend. A wrong
 * password is counted in the caller's transaction, or in one of its own without one, which only a
 * Spring proxy provides: the store comes from a minimal context with transaction management, as
 * in the application.
 */
abstract class LockoutStoreTests {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final Duration DAY = Duration.ofDays(1);
    private static final LockoutSettings THREE = new LockoutSettings(3, 60, 3600, null, null);
    private static final String ADA = "ada@example.com";

    private AnnotationConfigApplicationContext context;
    private JdbcClient jdbc;
    private LockoutStore store;
    private TransactionTemplate transactions;
    private Tenant tenant;

    abstract DataSource newDatabase();

    @Configuration
    @EnableTransactionManagement
    static class Transactions {
    }

    @BeforeEach
    void database() {
        DataSource dataSource = newDatabase();
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        jdbc = JdbcClient.create(dataSource);
        DataSourceTransactionManager manager = new DataSourceTransactionManager(dataSource);
        transactions = new TransactionTemplate(manager);
        context = new AnnotationConfigApplicationContext();
        context.registerBean(JdbcClient.class, () -> jdbc);
        context.registerBean(PlatformTransactionManager.class, () -> manager);
        context.register(Transactions.class, LockoutStore.class);
        context.refresh();
        store = context.getBean(LockoutStore.class);
        assertThat(AopUtils.isAopProxy(store)).as("transactional proxy").isTrue();
        tenant = newTenant();
    }

    @AfterEach
    void closeContext() {
        if (context != null) {
            context.close();
        }
    }

    @Test
    void recordWrongPasswordWhenTheThresholdIsReachedThenLocksUntilTheLockoutEnds() {
        List<LockoutState.Effect> effects = TenantContext.call(tenant, () -> List.of(
                fail(ADA, "wrong-1", T0), fail(ADA, "wrong-2", T0), fail(ADA, "wrong-3", T0.plusSeconds(1))));

        assertThat(effects).containsExactly(LockoutState.Effect.COUNTED, LockoutState.Effect.COUNTED,
                LockoutState.Effect.LOCKED);
        TenantContext.run(tenant, () -> {
            assertThat(store.locked(List.of(ADA), T0.plusSeconds(60))).containsEntry(ADA, T0.plusSeconds(61));
            assertThat(store.locked(List.of(ADA), T0.plusSeconds(61))).isEmpty();
            assertThat(store.find(ADA).orElseThrow().failures()).isEqualTo(3);
        });
    }

    @Test
    void recordWrongPasswordWhenALockoutEndedThenTheNextOneIsTwiceAsLong() {
        TenantContext.run(tenant, () -> {
            fail(ADA, "wrong-1", T0);
            fail(ADA, "wrong-2", T0);
            fail(ADA, "wrong-3", T0);
            Instant afterFirst = T0.plusSeconds(60);

            assertThat(fail(ADA, "wrong-4", afterFirst)).isEqualTo(LockoutState.Effect.LOCKED);

            assertThat(store.locked(List.of(ADA), afterFirst)).containsEntry(ADA, afterFirst.plusSeconds(120));
            assertThat(store.find(ADA).orElseThrow().lockouts()).isEqualTo(2);
        });
    }

    @Test
    void recordWrongPasswordWhenTheSameWrongPasswordAgainThenCountsItOnce() {
        TenantContext.run(tenant, () -> {
            for (int i = 0; i < 20; i++) {
                fail(ADA, "Same-Wrong-1", T0.plusSeconds(i));
            }

            assertThat(store.find(ADA).orElseThrow().failures()).isEqualTo(1);
            assertThat(store.locked(List.of(ADA), T0.plusSeconds(20))).isEmpty();
        });
    }

    @Test
    void recordWrongPasswordStoresOnlyAKeyedMacOfThePassword() {
        TenantContext.run(tenant, () -> fail(ADA, "Wrong-Horse-42", T0));

        Map<String, Object> row = jdbc.sql("select * from sign_in_lockout").query().singleRow();
        assertThat(row.values().stream().map(String::valueOf)).noneMatch(value -> value.contains("Wrong-Horse-42"));
        assertThat(TenantContext.call(tenant, () -> store.find(ADA).orElseThrow().recent().contains("Wrong-Horse-42")))
                .isTrue();
    }

    @Test
    void recordWrongPasswordWhenTheCallersTransactionCommitsOrRollsBackThenTheFailureGoesWithIt() {
        TenantContext.run(tenant, () -> {
            transactions.executeWithoutResult(status -> fail(ADA, "wrong-1", T0));
            transactions.executeWithoutResult(status -> {
                fail(ADA, "wrong-2", T0);
                fail(ADA, "wrong-3", T0);
                status.setRollbackOnly();
            });

            assertThat(store.find(ADA).orElseThrow().failures()).isEqualTo(1);
        });
    }

    @Test
    void recordWrongPasswordWhenTwentyThreadsFailAtOnceThenCountsTwentyAndLocksOnce() throws Exception {
        int threads = 20;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<LockoutState.Effect>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                String password = "wrong-" + i;
                results.add(pool.submit(() -> {
                    start.await();
                    return TenantContext.call(tenant, () -> store.recordWrongPassword(ADA, password, T0,
                            new LockoutSettings(10, 60, 3600, null, null), DAY).effect());
                }));
            }
            start.countDown();
            List<LockoutState.Effect> effects = new ArrayList<>();
            for (Future<LockoutState.Effect> result : results) {
                effects.add(result.get(60, TimeUnit.SECONDS));
            }

            assertThat(effects).filteredOn(e -> e == LockoutState.Effect.LOCKED).hasSize(1);
            assertThat(effects).filteredOn(e -> e == LockoutState.Effect.COUNTED).hasSize(19);
            LockoutState state = TenantContext.call(tenant, () -> store.find(ADA).orElseThrow());
            assertThat(state.failures()).isEqualTo(20);
            assertThat(state.lockouts()).isEqualTo(1);
            assertThat(state.recent().size()).isEqualTo(WrongPasswords.KEPT);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void clearWhenLockedThenUnlocksAndForgetsTheFailures() {
        TenantContext.run(tenant, () -> {
            fail(ADA, "wrong-1", T0);
            fail(ADA, "wrong-2", T0);
            fail(ADA, "wrong-3", T0);

            assertThat(store.clear(List.of(ADA, "nobody@example.com"))).isEqualTo(1);

            assertThat(store.locked(List.of(ADA), T0)).isEmpty();
            assertThat(store.find(ADA)).isEmpty();
            assertThat(fail(ADA, "wrong-1", T0)).as("counting starts over").isEqualTo(LockoutState.Effect.COUNTED);
        });
    }

    @Test
    void namesWhenInAnotherTenantThenSeparate() {
        Tenant other = newTenant();
        TenantContext.run(tenant, () -> {
            fail(ADA, "wrong-1", T0);
            fail(ADA, "wrong-2", T0);
            fail(ADA, "wrong-3", T0);
        });

        TenantContext.run(other, () -> {
            assertThat(store.locked(List.of(ADA), T0)).isEmpty();
            assertThat(store.find(ADA)).isEmpty();
            assertThat(store.clear(List.of(ADA))).isZero();
        });
        assertThat(TenantContext.call(tenant, () -> store.locked(List.of(ADA), T0))).containsKey(ADA);
    }

    @Test
    void lockedWhenAskedForManyNamesThenAnswersForTheLockedOnesInOneGo() {
        TenantContext.run(tenant, () -> {
            for (String name : List.of("a@example.com", "b@example.com")) {
                fail(name, "wrong-1", T0);
                fail(name, "wrong-2", T0);
                fail(name, "wrong-3", T0);
            }
            fail("c@example.com", "wrong-1", T0);

            assertThat(store.locked(List.of("a@example.com", "b@example.com", "c@example.com", "d@example.com"), T0))
                    .containsOnlyKeys("a@example.com", "b@example.com");
            assertThat(store.locked(List.of(), T0)).isEmpty();
        });
    }

    @Test
    void deleteForgottenRemovesNamesWithoutRecentFailuresOrARunningLockout() {
        LockoutSettings longLockout = new LockoutSettings(1, 86_400, 86_400, null, null);
        TenantContext.run(tenant, () -> {
            fail("old@example.com", "wrong-1", T0);
            store.recordWrongPassword("locked@example.com", "wrong-1", T0, longLockout, DAY);
            fail("recent@example.com", "wrong-1", T0.plus(Duration.ofHours(12)));
        });

        int deleted = store.deleteForgotten(T0.plus(Duration.ofHours(1)), T0.plus(Duration.ofHours(13)));

        assertThat(deleted).isEqualTo(1);
        assertThat(jdbc.sql("select sign_in_name from sign_in_lockout order by sign_in_name").query(String.class).list())
                .containsExactly("locked@example.com", "recent@example.com");
    }

    private LockoutState.Effect fail(String name, String password, Instant now) {
        return store.recordWrongPassword(name, password, now, THREE, DAY).effect();
    }

    private Tenant newTenant() {
        UUID id = UUID.randomUUID();
        Tenant created = new Tenant(id, "t" + id.toString().substring(0, 8), "Test tenant");
        jdbc.sql("insert into tenant (id, name, display_name, created_at) values (?, ?, ?, current_timestamp)")
                .params(id, created.name(), created.displayName()).update();
        return created;
    }
}

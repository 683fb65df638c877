package dev.foyer.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foyer.testing.TestClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
 * The rate limits' contract, against a bare migrated database; once per backend. {@code hit} runs
 * in a transaction of its own ({@code REQUIRES_NEW}), which only a Spring proxy honours: the
 * limiter comes from a minimal context with transaction management, as in the application.
 */
abstract class RateLimitsTests {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:30Z");
    private static final Duration MINUTE = Duration.ofMinutes(1);

    private final TestClock clock = new TestClock(T0);
    private AnnotationConfigApplicationContext context;
    private JdbcClient jdbc;
    private RateLimits limits;
    private TransactionTemplate transactions;

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
        context.registerBean(Clock.class, () -> clock);
        context.registerBean(PlatformTransactionManager.class, () -> manager);
        context.register(Transactions.class, RateLimits.class);
        context.refresh();
        limits = context.getBean(RateLimits.class);
        assertThat(AopUtils.isAopProxy(limits)).as("transactional proxy").isTrue();
    }

    @AfterEach
    void closeContext() {
        if (context != null) {
            context.close();
        }
    }

    @Test
    void hitWhenUnderTheLimitThenAllowsThenRefusesUntilTheWindowEnds() {
        for (int i = 0; i < 3; i++) {
            assertThat(limits.hit("sms:ada", 3, MINUTE).allowed()).as("hit " + (i + 1)).isTrue();
        }

        RateLimits.Decision refused = limits.hit("sms:ada", 3, MINUTE);

        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfter()).isEqualTo(Instant.parse("2026-03-01T10:01:00Z"));
        assertThat(limits.hit("sms:bob", 3, MINUTE).allowed()).as("another bucket").isTrue();
        clock.advance(Duration.ofSeconds(30));
        assertThat(limits.hit("sms:ada", 3, MINUTE).allowed()).as("next window").isTrue();
    }

    @Test
    void checkWhenUnderThenAtTheLimitThenAnswersWithoutCountingAHit() {
        assertThat(limits.check("failures:ada", 2, MINUTE).allowed()).as("no window yet").isTrue();
        limits.hit("failures:ada", 2, MINUTE);
        assertThat(limits.check("failures:ada", 2, MINUTE).allowed()).isTrue();
        limits.hit("failures:ada", 2, MINUTE);

        RateLimits.Decision refused = limits.check("failures:ada", 2, MINUTE);

        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfter()).isEqualTo(Instant.parse("2026-03-01T10:01:00Z"));
        assertThat(jdbc.sql("select hits from rate_limit_window where bucket = ?").param("failures:ada")
                .query(Integer.class).single()).as("checks count nothing").isEqualTo(2);
        clock.advance(Duration.ofSeconds(30));
        assertThat(limits.check("failures:ada", 2, MINUTE).allowed()).as("next window").isTrue();
    }

    @Test
    void hitWhenTheLimitIsZeroThenRefusesAndStoresNothing() {
        assertThat(limits.hit("sms:ada", 0, MINUTE).allowed()).isFalse();
        assertThat(jdbc.sql("select count(*) from rate_limit_window").query(Integer.class).single()).isZero();
    }

    @Test
    void hitWhenTheCallersTransactionRollsBackThenTheHitStillCounts() {
        transactions.executeWithoutResult(status -> {
            assertThat(limits.hit("sms:ada", 2, MINUTE).allowed()).isTrue();
            assertThat(limits.hit("sms:ada", 2, MINUTE).allowed()).isTrue();
            status.setRollbackOnly();
        });

        assertThat(limits.hit("sms:ada", 2, MINUTE).allowed()).isFalse();
    }

    @Test
    void takeWhenTheCallerRollsBackThenTheHitsAreUndone() {
        transactions.executeWithoutResult(status -> {
            assertThat(limits.take("fail:ada", 2, MINUTE).allowed()).isTrue();
            assertThat(limits.take("fail:ada", 2, MINUTE).allowed()).isTrue();
            assertThat(limits.take("fail:ada", 2, MINUTE).allowed()).isFalse();
            status.setRollbackOnly();
        });
        transactions.executeWithoutResult(status -> limits.take("fail:ada", 2, MINUTE));

        assertThat(limits.check("fail:ada", 2, MINUTE).allowed()).as("one hit committed").isTrue();
        transactions.executeWithoutResult(status ->
                assertThat(limits.take("fail:ada", 2, MINUTE).allowed()).isTrue());
        assertThat(limits.check("fail:ada", 2, MINUTE).allowed()).isFalse();
    }

    @Test
    void hitWhenEightThreadsRaceOnOneBucketThenExactlyTheLimitIsAllowed() throws Exception {
        int limit = 5;
        int threads = 8;
        for (int round = 0; round < 5; round++) {
            String bucket = "race:" + round;
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<Boolean>> results = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    results.add(pool.submit(() -> {
                        start.await();
                        return limits.hit(bucket, limit, MINUTE).allowed();
                    }));
                }
                start.countDown();
                int allowed = 0;
                for (Future<Boolean> result : results) {
                    allowed += result.get(30, TimeUnit.SECONDS) ? 1 : 0;
                }
                assertThat(allowed).as("round " + round).isEqualTo(limit);
                assertThat(jdbc.sql("select hits from rate_limit_window where bucket = ?").param(bucket)
                        .query(Integer.class).single()).isEqualTo(limit);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void deleteOldWindowsKeepsTheLastTwoDays() {
        limits.hit("old", 1, MINUTE);
        clock.advance(Duration.ofDays(3));
        limits.hit("new", 1, MINUTE);

        limits.deleteOldWindows();

        assertThat(jdbc.sql("select bucket from rate_limit_window").query(String.class).list()).containsExactly("new");
    }
}

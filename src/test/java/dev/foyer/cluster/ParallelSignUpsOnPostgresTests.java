package dev.foyer.cluster;

import static dev.foyer.cluster.Journeys.FLOW;
import static dev.foyer.cluster.Journeys.MFA_FLOW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.foyer.mfa.phone.PhoneCodeLimits;
import dev.foyer.testing.Browser;
import dev.foyer.testing.TestPostgres;
import dev.foyer.testing.TestTenant;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Many people at once, on two nodes of one PostgreSQL database: full journeys through the hosted
 * pages on a bounded pool of threads. One email makes one account however many journeys race for
 * it, the losers are told so on the page (never a server error), and a number is attached to a user
 * once. A deadlock would show as the time limit running out.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ParallelSignUpsOnPostgresTests {

    private static final String ALREADY_EXISTS = "An account with this email address already exists.";
    private static final Duration DEADLINE = Duration.ofSeconds(60);

    private String schemaUrl;
    private Node a;
    private Node b;
    private ExecutorService pool;
    private Instant deadline;

    @BeforeAll
    void startTwoNodesOnOneDatabase() {
        TestPostgres.requireServer();
        schemaUrl = TestPostgres.newSchemaUrl("parallel");
        a = Node.start("a", schemaUrl);
        b = Node.start("b", schemaUrl);
    }

    @AfterAll
    void stopNodesAndDropTheSchema() {
        for (Node node : new Node[] {a, b}) {
            if (node != null) {
                node.close();
            }
        }
        if (schemaUrl != null) {
            TestPostgres.dropSchemaOf(schemaUrl);
        }
    }

    @BeforeEach
    void boundedPool() {
        pool = Executors.newFixedThreadPool(16);
        deadline = Instant.now().plus(DEADLINE);
    }

    @AfterEach
    void stopPool() {
        pool.shutdownNow();
    }

    /**
     * The twenty journeys for one email all prove it before any of them creates the account, then
     * press Continue together: exactly one creates it, the others are told it exists.
     */
    @Test
    void fiftyDistinctAndTwentySameEmailSignUpsInParallelMakeExactlyFiftyOneAccounts() throws Exception {
        TestTenant t = a.newTenant();
        String shared = Journeys.uniqueEmail();
        Object sharedSendLock = new Object();
        List<Future<Browser.Response>> distinct = new ArrayList<>();
        List<Future<Map.Entry<NodeBrowser, Browser.Response>>> proven = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            NodeBrowser browser = new NodeBrowser(i % 2 == 0 ? a : b);
            distinct.add(pool.submit(() -> Journeys.signUp(browser, t, FLOW, Journeys.uniqueEmail(), jdbc())));
            if (i < 20) {
                NodeBrowser sameEmail = new NodeBrowser(i % 2 == 0 ? b : a);
                proven.add(pool.submit(() -> Map.entry(sameEmail, Journeys.verifyEmail(sameEmail,
                        Journeys.startSignUp(sameEmail, sameEmail.open(Journeys.authorizeUrl(t, FLOW))), shared,
                        jdbc(), sharedSendLock))));
            }
        }
        CountDownLatch gate = new CountDownLatch(1);
        List<Future<Browser.Response>> sameEmail = new ArrayList<>();
        for (Future<Map.Entry<NodeBrowser, Browser.Response>> journey : proven) {
            Map.Entry<NodeBrowser, Browser.Response> details = await(journey);
            assertThat(Journeys.isDetailsPage(details.getValue())).as(describe(details.getValue())).isTrue();
            sameEmail.add(pool.submit(() -> {
                gate.await();
                return Journeys.enterDetails(details.getKey(), details.getValue());
            }));
        }
        gate.countDown();

        for (Future<Browser.Response> journey : distinct) {
            Browser.Response done = await(journey);
            assertThat(reachedTheApp(done, t)).as(describe(done)).isTrue();
        }
        int created = 0;
        for (Future<Browser.Response> journey : sameEmail) {
            Browser.Response done = await(journey);
            if (reachedTheApp(done, t)) {
                created++;
            } else {
                assertThat(done.status()).as(describe(done)).isEqualTo(200);
                assertThat(done.pageError() + done.fieldError("email")).as(describe(done)).contains(ALREADY_EXISTS);
            }
        }
        assertThat(created).as("journeys that created the shared account").isEqualTo(1);
        assertThat(count("select count(*) from user_identity where tenant_id = ?", t)).isEqualTo(51);
        assertThat(count("select count(*) from directory_user where tenant_id = ?", t)).as("no user without identity")
                .isEqualTo(51);
        assertThat(jdbc().sql("select count(*) from user_identity where tenant_id = ? and issuer_assigned_id = ?")
                .params(t.tenant().id(), shared).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void tenUsersEnrollingOneNumberInParallelEachGetOnePhoneMethod() throws Exception {
        TestTenant t = a.newTenant();
        a.putSetting(t, PhoneCodeLimits.SETTING, Map.of("perNumberPerHour", 20, "perNumberPerDay", 50,
                "perIpPerHour", 50));
        String number = usNumber();
        Object sendLock = new Object();
        List<Future<Map.Entry<Browser.Response, String>>> codePages = new ArrayList<>();
        List<NodeBrowser> browsers = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            NodeBrowser browser = new NodeBrowser(i % 2 == 0 ? a : b);
            browsers.add(browser);
            codePages.add(pool.submit(() -> Journeys.sendPhoneCode(browser, enrollPage(browser, t),
                    number, jdbc(), sendLock)));
        }

        List<Browser.Response> done = verifyTogether(browsers, codePages);

        done.forEach(page -> assertThat(reachedTheApp(page, t)).as(describe(page)).isTrue());
        assertThat(jdbc().sql("""
                        select count(*) from phone_method where tenant_id = ? and phone_number = ?""")
                .params(t.tenant().id(), "+1" + number).query(Integer.class).single()).isEqualTo(10);
        assertThat(jdbc().sql("""
                        select count(*) from phone_method where tenant_id = ?
                        group by object_id having count(*) > 1""")
                .param(t.tenant().id()).query(Integer.class).list()).as("users with two phone methods").isEmpty();
    }

    /** Five users, each with two journeys enrolling one number at once: one phone method per user. */
    @Test
    void oneUserEnrollingOneNumberInTwoParallelJourneysEndsWithOnePhoneMethod() throws Exception {
        TestTenant t = a.newTenant();
        List<NodeBrowser> browsers = new ArrayList<>();
        List<Future<Map.Entry<Browser.Response, String>>> codePages = new ArrayList<>();
        List<String> emails = new ArrayList<>();
        for (int user = 0; user < 5; user++) {
            String email = Journeys.uniqueEmail();
            String number = usNumber();
            emails.add(email);
            Object sendLock = new Object();
            NodeBrowser first = new NodeBrowser(a);
            NodeBrowser second = new NodeBrowser(b);
            browsers.add(first);
            browsers.add(second);
            Browser.Response firstEnroll = Journeys.signUp(first, t, MFA_FLOW, email, jdbc());
            assertThat(Journeys.isPhoneEnrollPage(firstEnroll)).as(describe(firstEnroll)).isTrue();
            codePages.add(pool.submit(() -> Journeys.sendPhoneCode(first, firstEnroll, number, jdbc(), sendLock)));
            codePages.add(pool.submit(() -> {
                Browser.Response secondEnroll = Journeys.signIn(second,
                        second.open(Journeys.authorizeUrl(t, MFA_FLOW)), email);
                assertThat(Journeys.isPhoneEnrollPage(secondEnroll)).as(describe(secondEnroll)).isTrue();
                return Journeys.sendPhoneCode(second, secondEnroll, number, jdbc(), sendLock);
            }));
        }

        List<Browser.Response> done = verifyTogether(browsers, codePages);

        done.forEach(page -> assertThat(reachedTheApp(page, t)).as(describe(page)).isTrue());
        for (String email : emails) {
            assertThat(jdbc().sql("""
                            select count(*) from phone_method p join user_identity i on i.object_id = p.object_id
                            where i.tenant_id = ? and i.issuer_assigned_id = ?""")
                    .params(t.tenant().id(), email).query(Integer.class).single()).as(email).isEqualTo(1);
        }
    }

    /** Once every journey has its code, all enter it at the same moment. */
    private List<Browser.Response> verifyTogether(List<NodeBrowser> browsers,
                                                  List<Future<Map.Entry<Browser.Response, String>>> codePages)
            throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        List<Future<Browser.Response>> verified = new ArrayList<>();
        for (int i = 0; i < browsers.size(); i++) {
            NodeBrowser browser = browsers.get(i);
            Map.Entry<Browser.Response, String> codePage = await(codePages.get(i));
            verified.add(pool.submit(() -> {
                gate.await();
                return Journeys.enterPhoneCode(browser, codePage.getKey(), codePage.getValue());
            }));
        }
        gate.countDown();
        List<Browser.Response> done = new ArrayList<>();
        for (Future<Browser.Response> journey : verified) {
            done.add(await(journey));
        }
        return done;
    }

    private Browser.Response enrollPage(NodeBrowser browser, TestTenant t) {
        Browser.Response enroll = Journeys.signUp(browser, t, MFA_FLOW, Journeys.uniqueEmail(), jdbc());
        assertThat(Journeys.isPhoneEnrollPage(enroll)).as(describe(enroll)).isTrue();
        return enroll;
    }

    /** The result of a journey, waiting no longer than the test's deadline: a deadlock fails here. */
    private <T> T await(Future<T> journey) throws Exception {
        long left = Math.max(1, Duration.between(Instant.now(), deadline).toMillis());
        return journey.get(left, TimeUnit.MILLISECONDS);
    }

    private static boolean reachedTheApp(Browser.Response page, TestTenant t) {
        return page.isRedirect() && page.location().orElse("").startsWith(t.webRedirectUri() + "?code=");
    }

    private static String describe(Browser.Response page) {
        String body = page.body();
        return page.status() + " " + page.uri() + " " + page.location().orElse("") + "\n"
                + (body.length() > 2000 ? body.substring(0, 2000) : body);
    }

    private int count(String sql, TestTenant t) {
        return jdbc().sql(sql).param(t.tenant().id()).query(Integer.class).single();
    }

    private JdbcClient jdbc() {
        return a.jdbc();
    }

    private static String usNumber() {
        return dev.foyer.testing.TestPhoneNumbers.usNational();
    }
}

package dev.foyer.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.foyer.tenant.DatabaseTest;
import dev.foyer.tenant.Tenant;
import dev.foyer.tenant.TenantContext;
import dev.foyer.tenant.TenantRepository;
import dev.foyer.tenant.TestTenants;

@DatabaseTest
class AccountsTests {

    static final String PASSWORD = "Correct-Horse-9";

    @Autowired
    Accounts accounts;

    @Autowired
    UserRepository users;

    @Autowired
    TenantRepository tenants;

    @Autowired
    JdbcClient jdbc;

    Tenant tenant;

    @BeforeEach
    void createTenant() {
        tenant = TestTenants.create(tenants);
    }

    @Test
    void signUpThenFindableByEmailInAnyCasing() {
        User user = TenantContext.call(tenant, () -> accounts.signUp(newUser("Grace@Example.com")));

        assertThat(user.enabled()).isTrue();
        assertThat(user.email()).contains("grace@example.com");
        assertThat(user.identities()).containsExactly(
                new Identity(Identity.EMAIL_ADDRESS, tenant.name(), "grace@example.com"));
        TenantContext.run(tenant, () -> {
            assertThat(users.findByEmail(EmailAddress.parse("GRACE@EXAMPLE.COM"))).contains(user);
            assertThat(accounts.find(user.objectId())).contains(user);
            assertThat(users.passwordHash(user.objectId())).get().asString()
                    .startsWith("$argon2id$").doesNotContain(PASSWORD);
        });
    }

    @Test
    void signUpWhenEmailTakenThenAccountExists() {
        TenantContext.run(tenant, () -> accounts.signUp(newUser("hal@example.com")));

        assertThatThrownBy(() -> TenantContext.run(tenant, () -> accounts.signUp(newUser("HAL@example.com"))))
                .isInstanceOf(AccountExistsException.class);
        assertThat(usersInTenant()).isEqualTo(1);
    }

    @Test
    void signUpWhenTwentyConcurrentWithSameEmailThenExactlyOneUser() throws Exception {
        int attempts = 20;
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        AtomicInteger rejected = new AtomicInteger();
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < attempts; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    try {
                        TenantContext.run(tenant, () -> accounts.signUp(newUser("ivy@example.com")));
                    } catch (AccountExistsException expected) {
                        rejected.incrementAndGet();
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : futures) {
                future.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(rejected).hasValue(attempts - 1);
        assertThat(usersInTenant()).isEqualTo(1);
        assertThat(jdbc.sql("""
                select count(*) from user_password p join directory_user u on u.object_id = p.object_id
                 where u.tenant_id = :tenant""").param("tenant", tenant.id()).query(Integer.class).single())
                .isEqualTo(1);
    }

    @Test
    void signUpWhenSameEmailInAnotherTenantThenSeparateUser() {
        Tenant other = TestTenants.create(tenants);
        User mine = TenantContext.call(tenant, () -> accounts.signUp(newUser("jo@example.com")));
        User theirs = TenantContext.call(other, () -> accounts.signUp(newUser("jo@example.com")));

        assertThat(mine.objectId()).isNotEqualTo(theirs.objectId());
        TenantContext.run(other, () -> assertThat(accounts.find(mine.objectId())).isEmpty());
    }

    @Test
    void verifyPasswordWhenRightThenUser() {
        User user = TenantContext.call(tenant, () -> accounts.signUp(newUser("kim@example.com")));

        assertThat(TenantContext.call(tenant, () -> accounts.verifyPassword(EmailAddress.parse("Kim@example.com"), PASSWORD)))
                .map(User::objectId).contains(user.objectId());
    }

    @Test
    void verifyPasswordWhenWrongThenEmpty() {
        TenantContext.run(tenant, () -> accounts.signUp(newUser("lee@example.com")));

        assertThat(TenantContext.call(tenant, () -> accounts.verifyPassword(EmailAddress.parse("lee@example.com"), "wrong")))
                .isEmpty();
    }

    @Test
    void verifyPasswordWhenUnknownEmailThenEmptyAfterOneHashVerification() {
        AtomicInteger verifications = new AtomicInteger();
        Accounts counting = new Accounts(users, counting(new AtomicInteger(), verifications), event -> { });

        assertThat(TenantContext.call(tenant, () -> counting.verifyPassword(EmailAddress.parse("nobody@example.com"), PASSWORD)))
                .isEmpty();
        assertThat(verifications).hasValue(1);
    }

    @Test
    void constructedThenNoPasswordHashedYet() {
        AtomicInteger hashes = new AtomicInteger();

        new Accounts(users, counting(hashes, new AtomicInteger()), event -> { });

        // A hash at start cost a start-up a check's time and kept a check's memory from then on.
        assertThat(hashes).hasValue(0);
    }

    @Test
    void verifyPasswordWhenUserOfAnotherTenantThenEmpty() {
        Tenant other = TestTenants.create(tenants);
        TenantContext.run(tenant, () -> accounts.signUp(newUser("max@example.com")));

        assertThat(TenantContext.call(other, () -> accounts.verifyPassword(EmailAddress.parse("max@example.com"), PASSWORD)))
                .isEmpty();
    }

    @Test
    void verifyPasswordWhenUserDisabledThenEmpty() {
        Argon2idPasswordHasher hasher = new Argon2idPasswordHasher(1024, 1, 1, 16, 32);
        EmailAddress email = EmailAddress.parse("ned@example.com");
        TenantContext.run(tenant, () -> users.insert(new User(UUID.randomUUID(), "Ned", null, null, Map.of(), false,
                Instant.now(), List.of(Identity.emailAddress(tenant.name(), email))), hasher.hash(PASSWORD)));

        assertThat(TenantContext.call(tenant, () -> accounts.verifyPassword(email, PASSWORD))).isEmpty();
    }

    @Test
    void verifyPasswordWhenParametersRaisedThenRehashesAndStillVerifies() {
        User user = TenantContext.call(tenant, () -> accounts.signUp(newUser("ola@example.com")));
        String weakHash = TenantContext.call(tenant, () -> users.passwordHash(user.objectId()).orElseThrow());
        Argon2idPasswordHasher stronger = new Argon2idPasswordHasher(2048, 2, 1, 16, 32);
        Accounts upgraded = new Accounts(users, stronger, event -> { });
        EmailAddress email = EmailAddress.parse("ola@example.com");

        assertThat(TenantContext.call(tenant, () -> upgraded.verifyPassword(email, PASSWORD))).isPresent();

        String newHash = TenantContext.call(tenant, () -> users.passwordHash(user.objectId()).orElseThrow());
        assertThat(weakHash).contains("m=1024,t=1");
        assertThat(newHash).isNotEqualTo(weakHash).contains("m=2048,t=2");
        assertThat(stronger.needsRehash(newHash)).isFalse();
        assertThat(TenantContext.call(tenant, () -> upgraded.verifyPassword(email, PASSWORD))).isPresent();
        assertThat(TenantContext.call(tenant, () -> accounts.verifyPassword(email, PASSWORD))).isPresent();
    }

    @Test
    void verifyPasswordWhenParametersUnchangedThenHashKept() {
        User user = TenantContext.call(tenant, () -> accounts.signUp(newUser("pia@example.com")));
        String hash = TenantContext.call(tenant, () -> users.passwordHash(user.objectId()).orElseThrow());

        TenantContext.run(tenant, () -> accounts.verifyPassword(EmailAddress.parse("pia@example.com"), PASSWORD));

        assertThat(TenantContext.call(tenant, () -> users.passwordHash(user.objectId()))).contains(hash);
    }

    @Test
    void changePasswordThenOnlyTheNewOneVerifiesWithAFreshHashAndTheChangeIsAnnounced() {
        User user = TenantContext.call(tenant, () -> accounts.signUp(newUser("rae@example.com")));
        String oldHash = TenantContext.call(tenant, () -> users.passwordHash(user.objectId()).orElseThrow());
        List<Object> announced = new ArrayList<>();
        Accounts listened = new Accounts(users, new Argon2idPasswordHasher(1024, 1, 1, 16, 32), announced::add);
        EmailAddress email = EmailAddress.parse("rae@example.com");

        TenantContext.run(tenant, () -> listened.changePassword(user.objectId(), "New-Horse-77"));

        String newHash = TenantContext.call(tenant, () -> users.passwordHash(user.objectId()).orElseThrow());
        assertThat(newHash).isNotEqualTo(oldHash).startsWith("$argon2id$");
        assertThat(TenantContext.call(tenant, () -> accounts.verifyPassword(email, PASSWORD))).isEmpty();
        assertThat(TenantContext.call(tenant, () -> accounts.verifyPassword(email, "New-Horse-77"))).isPresent();
        assertThat(announced).hasSize(1);
        assertThat(((PasswordChanged) announced.get(0)).objectId()).isEqualTo(user.objectId());
    }

    @Test
    void findEnabledWhenUnknownOrDisabledThenEmpty() {
        User user = TenantContext.call(tenant, () -> accounts.signUp(newUser("sam@example.com")));
        EmailAddress email = EmailAddress.parse("Sam@example.com");
        assertThat(TenantContext.call(tenant, () -> accounts.findEnabled(email))).map(User::objectId)
                .contains(user.objectId());
        assertThat(TenantContext.call(tenant, () -> accounts.findEnabled(EmailAddress.parse("no@example.com"))))
                .isEmpty();

        TenantContext.run(tenant, () -> users.setEnabled(user.objectId(), false));

        assertThat(TenantContext.call(tenant, () -> accounts.findEnabled(email))).isEmpty();
    }

    private static NewUser newUser(String email) {
        return new NewUser(EmailAddress.parse(email), PASSWORD, "Display", "Given", "Surname",
                Map.of("extension_Plan", "gold"));
    }

    private int usersInTenant() {
        return jdbc.sql("select count(*) from directory_user where tenant_id = :tenant")
                .param("tenant", tenant.id()).query(Integer.class).single();
    }

    private static PasswordHasher counting(AtomicInteger hashes, AtomicInteger verifications) {
        PasswordHasher real = new Argon2idPasswordHasher(1024, 1, 1, 16, 32);
        return new PasswordHasher() {
            @Override
            public String hash(CharSequence password) {
                hashes.incrementAndGet();
                return real.hash(password);
            }

            @Override
            public boolean matches(CharSequence password, String hash) {
                verifications.incrementAndGet();
                return real.matches(password, hash);
            }

            @Override
            public boolean needsRehash(String hash) {
                return real.needsRehash(hash);
            }

            @Override
            public String decoyHash() {
                return real.decoyHash();
            }
        };
    }
}

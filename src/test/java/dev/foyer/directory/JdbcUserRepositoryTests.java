package dev.foyer.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
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
abstract class JdbcUserRepositoryTests {

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
    void insertThenFindByIdAndByEmailReturnTheUser() {
        User inserted = TenantContext.call(tenant, () -> users.insert(user("ann@example.com"), "hash-1"));

        TenantContext.run(tenant, () -> {
            assertThat(users.findById(inserted.objectId())).contains(inserted);
            assertThat(users.findByEmail(EmailAddress.parse("ANN@Example.com"))).contains(inserted);
            assertThat(users.passwordHash(inserted.objectId())).contains("hash-1");
        });
    }

    @Test
    void insertWhenExtensionsThenStoredAsTypedValues() {
        User user = new User(UUID.randomUUID(), "Ann", null, null,
                Map.of("extension_LoyaltyId", "A-17", "extension_Newsletter", true, "extension_Level", 3),
                true, Instant.now(), List.of(identity("ann@example.com")));

        User found = TenantContext.call(tenant, () -> {
            users.insert(user, null);
            return users.findById(user.objectId()).orElseThrow();
        });

        assertThat(found.extensions()).containsEntry("extension_LoyaltyId", "A-17")
                .containsEntry("extension_Newsletter", true)
                .containsEntry("extension_Level", 3);
    }

    @Test
    void insertWhenEmailTakenThenAccountExistsAndNothingHalfWritten() {
        TenantContext.run(tenant, () -> users.insert(user("bob@example.com"), "hash"));
        int before = rowCounts();

        User duplicate = user("bob@example.com");
        assertThatThrownBy(() -> TenantContext.run(tenant, () -> users.insert(duplicate, "other-hash")))
                .isInstanceOf(AccountExistsException.class);

        assertThat(rowCounts()).isEqualTo(before);
        assertThat(jdbc.sql("select count(*) from directory_user where object_id = :id")
                .param("id", duplicate.objectId()).query(Integer.class).single()).isZero();
    }

    @Test
    void insertWhenTwentyConcurrentWithSameEmailThenOneWinsAndTheRestAreAccountExists() throws Exception {
        int attempts = 20;
        ExecutorService pool = Executors.newFixedThreadPool(10);
        CountDownLatch start = new CountDownLatch(1);
        AtomicInteger rejected = new AtomicInteger();
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < attempts; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    try {
                        TenantContext.run(tenant, () -> users.insert(user("race@example.com"), "hash"));
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
        assertThat(jdbc.sql("select count(*) from directory_user where tenant_id = :tenant")
                .param("tenant", tenant.id()).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void findWhenUserBelongsToAnotherTenantThenEmpty() {
        Tenant other = TestTenants.create(tenants);
        User inserted = TenantContext.call(tenant, () -> users.insert(user("cy@example.com"), "hash"));

        TenantContext.run(other, () -> {
            assertThat(users.findById(inserted.objectId())).isEmpty();
            assertThat(users.findByEmail(EmailAddress.parse("cy@example.com"))).isEmpty();
            assertThat(users.passwordHash(inserted.objectId())).isEmpty();
            assertThatThrownBy(() -> users.updatePasswordHash(inserted.objectId(), "stolen"))
                    .isInstanceOf(NoSuchElementException.class);
        });
        TenantContext.run(tenant, () -> assertThat(users.passwordHash(inserted.objectId())).contains("hash"));
    }

    @Test
    void insertWhenSameEmailInTwoTenantsThenTwoUsers() {
        Tenant other = TestTenants.create(tenants);
        User first = TenantContext.call(tenant, () -> users.insert(user("dee@example.com"), "h1"));
        User second = TenantContext.call(other, () -> users.insert(
                new User(UUID.randomUUID(), "Dee", null, null, Map.of(), true, Instant.now(),
                        List.of(Identity.emailAddress(other.name(), EmailAddress.parse("dee@example.com")))), "h2"));

        assertThat(first.objectId()).isNotEqualTo(second.objectId());
        TenantContext.run(other, () -> assertThat(users.findByEmail(EmailAddress.parse("dee@example.com")))
                .map(User::objectId).contains(second.objectId()));
    }

    @Test
    void updatePasswordHashWhenUserHasNoPasswordThenAddsOne() {
        User inserted = TenantContext.call(tenant, () -> users.insert(user("eve@example.com"), null));

        TenantContext.run(tenant, () -> {
            assertThat(users.passwordHash(inserted.objectId())).isEmpty();
            users.updatePasswordHash(inserted.objectId(), "new-hash");
            assertThat(users.passwordHash(inserted.objectId())).contains("new-hash");
            users.updatePasswordHash(inserted.objectId(), "newer-hash");
            assertThat(users.passwordHash(inserted.objectId())).contains("newer-hash");
        });
    }

    @Test
    void addIdentityThenFindByIdentityReturnsTheUserAndRemoveUnlinksIt() {
        User inserted = TenantContext.call(tenant, () -> users.insert(user("gus@example.com"), "hash"));
        Identity google = Identity.federated("google.com", "1234567890");

        TenantContext.run(tenant, () -> {
            assertThat(users.findByIdentity(google)).isEmpty();
            users.addIdentity(inserted.objectId(), google);
            User found = users.findByIdentity(google).orElseThrow();
            assertThat(found.objectId()).isEqualTo(inserted.objectId());
            assertThat(found.identities()).contains(google, identity("gus@example.com"));
            assertThat(users.removeIdentity(inserted.objectId(), google)).isTrue();
            assertThat(users.removeIdentity(inserted.objectId(), google)).isFalse();
            assertThat(users.findByIdentity(google)).isEmpty();
            assertThat(users.findByEmail(EmailAddress.parse("gus@example.com"))).isPresent();
        });
    }

    @Test
    void addIdentityWhenAnotherUserHoldsItThenAccountExistsAndNothingChanged() {
        Identity github = Identity.federated("github.com", "42");
        User holder = TenantContext.call(tenant, () -> new User(UUID.randomUUID(), "Hal", null, null, Map.of(), true,
                Instant.now(), List.of(github)));
        TenantContext.run(tenant, () -> users.insert(holder, null));
        User other = TenantContext.call(tenant, () -> users.insert(user("ida@example.com"), "hash"));

        TenantContext.run(tenant, () -> {
            assertThatThrownBy(() -> users.addIdentity(other.objectId(), github))
                    .isInstanceOf(AccountExistsException.class);
            assertThat(users.findByIdentity(github)).map(User::objectId).contains(holder.objectId());
            assertThat(users.findById(other.objectId()).orElseThrow().identities())
                    .containsExactly(identity("ida@example.com"));
            assertThatThrownBy(() -> users.addIdentity(UUID.randomUUID(), Identity.federated("github.com", "43")))
                    .isInstanceOf(NoSuchElementException.class);
        });
    }

    @Test
    void findWhenUserHasSeveralIdentitiesThenEveryLookupReturnsAllInOrderAndNoneWhenAllRemoved() {
        Identity google = Identity.federated("google.com", "555");
        Identity github = Identity.federated("github.com", "556");
        User inserted = TenantContext.call(tenant, () -> users.insert(user("kim@example.com"), "hash"));
        List<Identity> all = List.of(identity("kim@example.com"), google, github);

        TenantContext.run(tenant, () -> {
            users.addIdentity(inserted.objectId(), google);
            users.addIdentity(inserted.objectId(), github);
            // Ordered by type, issuer and id, as the identities of a user always are.
            List<Identity> sorted = all.stream()
                    .sorted(java.util.Comparator.comparing(Identity::signInType).thenComparing(Identity::issuer)
                            .thenComparing(Identity::issuerAssignedId))
                    .toList();
            assertThat(users.findById(inserted.objectId()).orElseThrow().identities()).isEqualTo(sorted);
            assertThat(users.findByEmail(EmailAddress.parse("kim@example.com")).orElseThrow().identities())
                    .isEqualTo(sorted);
            assertThat(users.findByIdentity(google).orElseThrow().identities()).isEqualTo(sorted);
            assertThat(users.findByIdentity(github).orElseThrow())
                    .isEqualTo(users.findById(inserted.objectId()).orElseThrow());

            for (Identity identity : all) {
                assertThat(users.removeIdentity(inserted.objectId(), identity)).isTrue();
            }
            User bare = users.findById(inserted.objectId()).orElseThrow();
            assertThat(bare.identities()).isEmpty();
            assertThat(bare.displayName()).isEqualTo(inserted.displayName());
            assertThat(users.findByEmail(EmailAddress.parse("kim@example.com"))).isEmpty();
            assertThat(users.findById(UUID.randomUUID())).isEmpty();
        });
    }

    @Test
    void findByIdentityWhenIdentityBelongsToAnotherTenantThenEmpty() {
        Identity google = Identity.federated("google.com", "777");
        TenantContext.run(tenant, () -> users.insert(new User(UUID.randomUUID(), "Jo", null, null, Map.of(), true,
                Instant.now(), List.of(google)), null));
        Tenant other = TestTenants.create(tenants);

        TenantContext.run(other, () -> assertThat(users.findByIdentity(google)).isEmpty());
    }

    @Test
    void emailWhenUserHasLocalIdentityThenItsAddress() {
        User user = user("fay@example.com");

        assertThat(user.email()).contains("fay@example.com");
    }

    private User user(String email) {
        return new User(UUID.randomUUID(), "Someone", "Some", "One", Map.of(), true, Instant.now(),
                List.of(identity(email)));
    }

    private Identity identity(String email) {
        return Identity.emailAddress(tenant.name(), EmailAddress.parse(email));
    }

    private int rowCounts() {
        return count("directory_user") + count("user_identity") + count("user_password");
    }

    private int count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Integer.class).single();
    }
}

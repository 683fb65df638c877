package dev.foyer.admin.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foyer.directory.EmailAddress;
import dev.foyer.directory.Identity;
import dev.foyer.directory.NewUser;
import dev.foyer.directory.UserRepository;
import dev.foyer.tenant.TenantContext;
import dev.foyer.testing.TestTenant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** A user's identities: listed with the user, federated ones removed, never the last one. */
class UserIdentitiesApiTests extends AdminApiTest {

    @Autowired
    UserRepository users;

    @Test
    void removeWhenTheUserHasAnotherIdentityThenUnlinkedListedNoMoreAndAudited() {
        TestTenant t = newTenant();
        UUID user = localUser(t);
        TenantContext.run(t.tenant(), () -> users.addIdentity(user, Identity.federated("google.com", "g-123")));
        JsonNode before = expect(get(userPath(t, user)), 200);
        assertThat(before.get("identities").toString()).contains("\"signInType\":\"federated\"")
                .contains("\"issuer\":\"google.com\"").contains("\"issuerAssignedId\":\"g-123\"")
                .contains("\"signInType\":\"emailAddress\"");

        JsonNode after = expect(send("DELETE", identities(t, user, "federated", "google.com", "g-123"), null), 200);

        assertThat(after.get("identities").size()).isEqualTo(1);
        assertThat(after.get("identities").get(0).get("signInType").asString()).isEqualTo("emailAddress");
        assertThat(TenantContext.call(t.tenant(), () -> users.findByIdentity(Identity.federated("google.com",
                "g-123")))).isEmpty();
        JsonNode change = expect(get(tenantPath(t.name()) + "/auditLog?type=admin.change"), 200).get("events").get(0);
        assertThat(change.get("details").get("resource").asString()).isEqualTo("userIdentity");
        assertThat(change.get("details").get("before").get("issuer").asString()).isEqualTo("google.com");
    }

    @Test
    void removeWhenItIsTheOnlyIdentityThen409AndKept() {
        TestTenant t = newTenant();
        UUID user = socialUser(t, "github.com", "gh-1");

        JsonNode refused = expect(send("DELETE", identities(t, user, "federated", "github.com", "gh-1"), null), 409);

        assertThat(refused.get("message").asString()).contains("only identity");
        assertThat(expect(get(userPath(t, user)), 200).get("identities").size()).isEqualTo(1);
    }

    @Test
    void removeWhenUnknownOrBadThen404Or400AndNothingChanged() {
        TestTenant t = newTenant();
        UUID user = localUser(t);
        TenantContext.run(t.tenant(), () -> users.addIdentity(user, Identity.federated("google.com", "g-9")));

        expect(send("DELETE", identities(t, user, "federated", "google.com", "someone-else"), null), 404);
        expect(send("DELETE", identities(t, user, "federated", "apple.com", "g-9"), null), 404);
        expect(send("DELETE", identities(t, UUID.randomUUID(), "federated", "google.com", "g-9"), null), 404);
        expectInvalid(send("DELETE", userPath(t, user) + "/identities", null), "signInType", "issuer",
                "issuerAssignedId");
        expectInvalid(send("DELETE", identities(t, user, "emailAddress", t.name(), "x@example.com"), null),
                "signInType");
        TestTenant other = newTenant();
        expect(send("DELETE", identities(other, user, "federated", "google.com", "g-9"), null), 404);

        assertThat(expect(get(userPath(t, user)), 200).get("identities").size()).isEqualTo(2);
    }

    private UUID localUser(TestTenant t) {
        return TenantContext.call(t.tenant(), () -> accounts.signUp(new NewUser(EmailAddress.parse(uniqueEmail()),
                PASSWORD, "Ada", null, null, Map.of())).objectId());
    }

    /** A user who signs in only with a social account: the local identity removed behind the API's back. */
    private UUID socialUser(TestTenant t, String issuer, String subject) {
        UUID user = localUser(t);
        TenantContext.run(t.tenant(), () -> {
            Identity local = users.findById(user).orElseThrow().identities().get(0);
            users.addIdentity(user, Identity.federated(issuer, subject));
            users.removeIdentity(user, local);
        });
        return user;
    }

    private static String userPath(TestTenant t, UUID user) {
        return tenantPath(t.name()) + "/users/" + user;
    }

    private static String identities(TestTenant t, UUID user, String type, String issuer, String id) {
        return userPath(t, user) + "/identities?signInType=" + type + "&issuer=" + issuer + "&issuerAssignedId=" + id;
    }
}

package dev.foyer.admin.manage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.foyer.admin.access.AdminCaller;
import dev.foyer.audit.AuditEvent;
import dev.foyer.audit.AuditLog;
import dev.foyer.audit.AuditQuery;
import dev.foyer.tenant.TenantContext;
import dev.foyer.testing.EndToEndTest;
import dev.foyer.testing.TestTenant;
import dev.foyer.userflow.ConcurrentFlowChangeException;
import dev.foyer.userflow.MfaEnforcement;
import dev.foyer.userflow.MfaSettings;
import dev.foyer.userflow.UserFlow;
import dev.foyer.userflow.UserFlowType;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Administering flows: validation names each bad field, versions guard concurrent edits, changes are audited. */
class FlowAdministrationTests extends EndToEndTest {

    private static final AdminCaller ADMIN = new AdminCaller(AdminCaller.Kind.ADMIN,
            "00000000-0000-0000-0000-000000000001", "admin@example.com", false);

    @Autowired
    FlowAdministration administration;
    @Autowired
    AuditLog audit;
    @Autowired
    IdentityProviderAdministration providers;

    @Test
    void createEnableMfaAndDeleteAreEachRecordedWithBeforeAndAfter() {
        TestTenant t = newTenant();
        TenantContext.run(t.tenant(), () -> {
            UserFlow created = administration.create("checkout", UserFlowType.SIGN_UP_OR_SIGN_IN, ADMIN);
            assertThat(created.name()).isEqualTo("B2C_1_checkout");
            UserFlow enabled = administration.setMfaEnabled("B2C_1_checkout", created.version(), true, ADMIN);
            assertThat(enabled.properties().mfa()).isEqualTo(MfaSettings.ENABLED);
            administration.delete("b2c_1_checkout", ADMIN);
            assertThat(flows.findByName("B2C_1_checkout")).isEmpty();

            List<AuditEvent> events = audit.query(AuditQuery.newest().ofType(AuditEvent.ADMIN_CHANGE));
            assertThat(events).extracting(e -> e.details().get("action")).containsExactly("delete", "update", "create");
            AuditEvent update = events.get(1);
            assertThat(update.actor()).isEqualTo("admin:" + ADMIN.id());
            assertThat(update.target()).isEqualTo("B2C_1_checkout");
            assertThat(update.details().toString()).contains("ALWAYS_ON").contains("OFF");
        });
    }

    @Test
    void invalidDefinitionNamesEachBadFieldAndChangesNothing() {
        TestTenant t = newTenant();
        TenantContext.run(t.tenant(), () -> {
            UserFlow flow = flows.findByName("B2C_1_susi").orElseThrow();
            var bad = new dev.foyer.userflow.UserFlowDefinition(List.of("LocalAccount"), List.of("shoeSize"),
                    List.of("password"), flow.properties().withMfa(new MfaSettings("pigeon", MfaEnforcement.ALWAYS_ON)));
            assertThatThrownBy(() -> administration.update("B2C_1_susi", flow.version(), bad, ADMIN))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors()).containsOnlyKeys(
                            "signUpAttributes", "applicationClaims", "properties.mfa.method"));
            assertThat(flows.findByName("B2C_1_susi").orElseThrow()).isEqualTo(flow);
            assertThat(audit.query(AuditQuery.newest().ofType(AuditEvent.ADMIN_CHANGE))).isEmpty();
        });
    }

    @Test
    void identityProvidersAreLocalAccountOrTheTenantsOwnStoredUnderTheirCanonicalNames() {
        TestTenant t = newTenant();
        TenantContext.run(t.tenant(), () -> {
            providers.create(new IdentityProviderAdministration.ProviderInput("Google", "GOOGLE", null, "client",
                    "secret", true, null, null, null, null, null, null, null, null, null), ADMIN);
            UserFlow flow = flows.findByName("B2C_1_susi").orElseThrow();
            var unknown = new dev.foyer.userflow.UserFlowDefinition(List.of("LocalAccount", "Myspace", "Friendster"),
                    flow.definition().signUpAttributes(), flow.definition().applicationClaims(), flow.properties());
            assertThatThrownBy(() -> administration.update("B2C_1_susi", flow.version(), unknown, ADMIN))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(
                            e.fieldErrors().get("identityProviders")).contains("Myspace").contains("Friendster"));

            UserFlow saved = administration.update("B2C_1_susi", flow.version(), new dev.foyer.userflow.UserFlowDefinition(
                    List.of("GOOGLE", "localaccount", "google"), flow.definition().signUpAttributes(),
                    flow.definition().applicationClaims(), flow.properties()), ADMIN);

            assertThat(saved.definition().identityProviders()).containsExactly("Google", "LocalAccount");
            assertThat(providers.flowsListing("google")).containsExactly("B2C_1_susi");
        });
    }

    @Test
    void twoAdministratorsEditingTheSameVersionCannotOverwriteEachOther() {
        TestTenant t = newTenant();
        TenantContext.run(t.tenant(), () -> {
            int version = flows.findByName("B2C_1_susi").orElseThrow().version();
            administration.setMfaEnabled("B2C_1_susi", version, true, ADMIN);
            assertThatThrownBy(() -> administration.setMfaEnabled("B2C_1_susi", version, false, ADMIN))
                    .isInstanceOf(ConcurrentFlowChangeException.class);
            assertThat(flows.findByName("B2C_1_susi").orElseThrow().properties().mfa().isOn()).isTrue();
        });
    }

    @Test
    void duplicateOrMalformedNamesAreRefused() {
        TestTenant t = newTenant();
        TenantContext.run(t.tenant(), () -> {
            assertThatThrownBy(() -> administration.create("susi", UserFlowType.SIGN_IN, ADMIN))
                    .isInstanceOf(ConflictException.class);
            assertThatThrownBy(() -> administration.create("has space", UserFlowType.SIGN_IN, ADMIN))
                    .isInstanceOfSatisfying(InvalidInputException.class,
                            e -> assertThat(e.fieldErrors()).containsKey("name"));
        });
    }
}

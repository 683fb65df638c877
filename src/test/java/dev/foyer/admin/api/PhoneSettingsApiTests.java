package dev.foyer.admin.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foyer.mfa.phone.PhoneCodeLimits;
import dev.foyer.tenant.TenantContext;
import dev.foyer.tenant.TenantSettings;
import dev.foyer.testing.TestTenant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * {@code /tenants/{tenant}/settings/phone}: the SMS and voice code limits in force, replaced by
 * a tenant's own (checked field by field, nothing changed on a bad one) and audited.
 */
class PhoneSettingsApiTests extends AdminApiTest {

    private static final String TUNED = """
            {"allowedCountries":["us","GB","NG","GB"],"perNumberPerHour":3,"perNumberPerDay":6,"perIpPerHour":7,
             "unverifiedNumbersPerIpPerDay":2,"perTenantPerHour":50,"perTenantPerDay":400,"resendWaitSeconds":10}""";

    @Autowired
    TenantSettings settings;

    @Test
    void getWhenTenantHasNoValuesOfItsOwnThenServerDefaults() {
        TestTenant t = newTenant();

        JsonNode limits = expect(get(path(t)), 200);

        assertThat(limits.get("allowedCountries").values().stream().map(JsonNode::asString).toList())
                .isEqualTo(PhoneCodeLimits.DEFAULT_COUNTRIES);
        assertThat(limits.get("perNumberPerHour").asInt()).isEqualTo(5);
        assertThat(limits.get("perNumberPerDay").asInt()).isEqualTo(10);
        assertThat(limits.get("perIpPerHour").asInt()).isEqualTo(20);
        assertThat(limits.get("unverifiedNumbersPerIpPerDay").asInt()).isEqualTo(5);
        assertThat(limits.get("perTenantPerHour").asInt()).isEqualTo(1000);
        assertThat(limits.get("perTenantPerDay").asInt()).isEqualTo(10_000);
        assertThat(limits.get("resendWaitSeconds").asInt()).isEqualTo(30);
    }

    @Test
    void putWhenValidThenTheTenantsValuesApplyAndTheChangeIsAudited() {
        TestTenant t = newTenant();

        JsonNode after = expect(send("PUT", path(t), TUNED), 200);

        assertThat(after.get("allowedCountries").values().stream().map(JsonNode::asString).toList())
                .containsExactly("US", "GB", "NG");
        assertThat(after.get("perNumberPerHour").asInt()).isEqualTo(3);
        assertThat(after.get("resendWaitSeconds").asInt()).isEqualTo(10);
        assertThat(expect(get(path(t)), 200)).isEqualTo(after);
        JsonNode change = expect(get(tenantPath(t.name()) + "/auditLog?type=admin.change"), 200).get("events").get(0);
        assertThat(change.get("actor").asString()).startsWith("client:");
        assertThat(change.get("target").asString()).isEqualTo("phone");
        assertThat(change.get("details").get("resource").asString()).isEqualTo("phoneSettings");
        assertThat(change.get("details").get("before").get("perNumberPerHour").asInt()).isEqualTo(5);
        assertThat(change.get("details").get("after").get("perNumberPerHour").asInt()).isEqualTo(3);
        assertThat(expect(get(path(newTenant())), 200).get("perNumberPerHour").asInt()).as("other tenants")
                .isEqualTo(5);
    }

    @Test
    void putWhenFieldsLeftOutThenTheyFollowTheServerDefaults() {
        TestTenant t = newTenant();
        expect(send("PUT", path(t), TUNED), 200);

        JsonNode after = expect(send("PUT", path(t), "{\"perTenantPerHour\":100}"), 200);

        assertThat(after.get("perTenantPerHour").asInt()).isEqualTo(100);
        assertThat(after.get("perNumberPerHour").asInt()).isEqualTo(5);
        assertThat(after.get("allowedCountries").size()).isEqualTo(PhoneCodeLimits.DEFAULT_COUNTRIES.size());
    }

    @Test
    void putWhenACountryIsUnknownThen400NamingItAndNothingChanged() {
        TestTenant t = newTenant();
        expect(send("PUT", path(t), TUNED), 200);

        var response = send("PUT", path(t), "{\"allowedCountries\":[\"US\",\"XX\",\"UK\"],\"perNumberPerHour\":4}");

        expectInvalid(response, "allowedCountries");
        assertThat(jsonOf(response).get("fields").get("allowedCountries").asString()).contains("XX", "UK");
        assertThat(expect(get(path(t)), 200).get("perNumberPerHour").asInt()).isEqualTo(3);
        assertThat(expect(get(tenantPath(t.name()) + "/auditLog?type=admin.change"), 200).get("events").size())
                .isEqualTo(1);
    }

    @Test
    void putWhenCapsAreNotPositiveOrTooLargeThen400NamingEachAndNothingChanged() {
        TestTenant t = newTenant();

        expectInvalid(send("PUT", path(t), "{\"perNumberPerHour\":0,\"perIpPerHour\":-3,\"perTenantPerDay\":2000000,"
                + "\"resendWaitSeconds\":3601,\"allowedCountries\":[]}"), "perNumberPerHour", "perIpPerHour",
                "perTenantPerDay", "resendWaitSeconds", "allowedCountries");
        expectInvalid(send("PUT", path(t), "{\"perNumberPerDay\":\"ten\"}"), "perNumberPerDay");
        expectInvalid(send("PUT", path(t), "[1,2]"), "body");

        assertThat(expect(get(path(t)), 200).get("perNumberPerHour").asInt()).isEqualTo(5);
        assertThat(TenantContext.call(t.tenant(), () -> settings.find(PhoneCodeLimits.SETTING, Map.class)))
                .as("no setting written").isEmpty();
    }

    @Test
    void getWhenTheTenantHoldsTheOlderTwoFieldSettingThenReadsIt() {
        TestTenant t = newTenant();
        TenantContext.run(t.tenant(), () -> settings.put(PhoneCodeLimits.SETTING,
                Map.of("perNumberPerHour", 2, "perIpPerHour", 1000)));

        JsonNode limits = expect(get(path(t)), 200);

        assertThat(limits.get("perNumberPerHour").asInt()).isEqualTo(2);
        assertThat(limits.get("perIpPerHour").asInt()).isEqualTo(1000);
        assertThat(limits.get("perNumberPerDay").asInt()).isEqualTo(10);
        assertThat(limits.get("allowedCountries").size()).isEqualTo(PhoneCodeLimits.DEFAULT_COUNTRIES.size());
    }

    @Test
    void unknownTenantIs404() {
        assertThat(get("/admin/api/v1/tenants/no-such-tenant/settings/phone").status()).isEqualTo(404);
        assertThat(send("PUT", "/admin/api/v1/tenants/no-such-tenant/settings/phone", "{}").status()).isEqualTo(404);
    }

    private static String path(TestTenant t) {
        return tenantPath(t.name()) + "/settings/phone";
    }
}

package dev.foyer.admin.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foyer.admin.access.AdminAccess;
import dev.foyer.admin.access.SystemTenant;
import dev.foyer.application.Application;
import dev.foyer.application.ApplicationType;
import dev.foyer.directory.Identity;
import dev.foyer.directory.UserRepository;
import dev.foyer.federation.IdentityProvider;
import dev.foyer.federation.IdentityProviderRepository;
import dev.foyer.federation.ProviderKind;
import dev.foyer.federation.ProviderSettings;
import dev.foyer.mfa.phone.PhoneMethods;
import dev.foyer.mfa.phone.PhoneNumber;
import dev.foyer.testing.Browser;
import dev.foyer.testing.TestTenant;
import dev.foyer.tenant.TenantContext;
import dev.foyer.userflow.MfaSettings;
import dev.foyer.userflow.UserFlow;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every admin API route refuses anonymous callers (401), users of other tenants (401), administrators
 * without MFA (403) and read-only automation on writes (403), and serves an administrator who proved MFA.
 */
class AdminApiAuthorizationTests extends AdminApiTest {

    private static final String FLOW_BODY = """
            {"identityProviders":["LocalAccount"],"signUpAttributes":["displayName"],"applicationClaims":["oid"]}""";

    /** One route: {@code {t}} and the other placeholders are filled from a fresh fixture. */
    record Route(String method, String path, String body, Map<String, String> headers) {
        Route(String method, String path, String body) {
            this(method, path, body, Map.of());
        }

        boolean write() {
            return !method.equals("GET");
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static Stream<Route> routes() {
        String t = "/admin/api/v1/tenants/{t}";
        Map<String, String> v1 = Map.of("If-Match", "\"1\"");
        return Stream.of(
                new Route("GET", "/admin/api/v1/me", null),
                new Route("GET", "/admin/api/v1/tenants", null),
                new Route("POST", "/admin/api/v1/tenants", "{\"name\":\"{unique}\",\"displayName\":\"New\"}"),
                new Route("GET", t, null),
                new Route("PATCH", t, "{\"displayName\":\"Renamed\"}"),
                new Route("GET", t + "/applications", null),
                new Route("POST", t + "/applications",
                        "{\"displayName\":\"New\",\"type\":\"SPA\",\"redirectUris\":[\"https://new.example/\"]}"),
                new Route("GET", t + "/applications/{app}", null),
                new Route("PATCH", t + "/applications/{app}", "{\"displayName\":\"Renamed\"}"),
                new Route("DELETE", t + "/applications/{app}", null),
                new Route("GET", t + "/applications/{app}/secrets", null),
                new Route("POST", t + "/applications/{app}/secrets", null),
                new Route("DELETE", t + "/applications/{app}/secrets/{secret}", null),
                new Route("GET", "/admin/api/v1/tenants/system/applications/{sysapp}/permissions", null),
                new Route("PUT", "/admin/api/v1/tenants/system/applications/{sysapp}/permissions/foyer.admin.read", null),
                new Route("DELETE", "/admin/api/v1/tenants/system/applications/{sysapp}/permissions/foyer.admin.read", null),
                new Route("GET", t + "/userFlows", null),
                new Route("POST", t + "/userFlows", "{\"name\":\"signin\",\"type\":\"SIGN_IN\"}"),
                new Route("GET", t + "/userFlows/B2C_1_susi", null),
                new Route("PUT", t + "/userFlows/B2C_1_susi", FLOW_BODY, v1),
                new Route("PATCH", t + "/userFlows/B2C_1_susi", "{\"properties\":{\"passwordComplexity\":\"simple\"}}", v1),
                new Route("PUT", t + "/userFlows/B2C_1_susi/mfa", "{\"enabled\":true}", v1),
                new Route("DELETE", t + "/userFlows/B2C_1_susi", null),
                new Route("GET", t + "/userAttributes", null),
                new Route("POST", t + "/userAttributes", "{\"name\":\"Other\",\"dataType\":\"string\"}"),
                new Route("GET", t + "/userAttributes/Tier", null),
                new Route("DELETE", t + "/userAttributes/Tier", null),
                new Route("GET", t + "/identityProviders", null),
                new Route("POST", t + "/identityProviders",
                        "{\"name\":\"{unique}\",\"kind\":\"GOOGLE\",\"clientId\":\"id\",\"clientSecret\":\"s\"}"),
                new Route("GET", t + "/identityProviders/Fixture", null),
                new Route("PUT", t + "/identityProviders/Fixture", "{\"kind\":\"GITHUB\",\"clientId\":\"other\"}"),
                new Route("PATCH", t + "/identityProviders/Fixture", "{\"displayName\":\"Renamed\"}"),
                new Route("DELETE", t + "/identityProviders/Fixture", null),
                new Route("GET", t + "/users?search=user-", null),
                new Route("POST", t + "/users", "{\"email\":\"{unique}@example.com\",\"password\":\"" + PASSWORD + "\"}"),
                new Route("GET", t + "/users/{user}", null),
                new Route("PATCH", t + "/users/{user}", "{\"surname\":\"Changed\"}"),
                new Route("DELETE", t + "/users/{user}", null),
                new Route("POST", t + "/users/{user}/disable", null),
                new Route("POST", t + "/users/{user}/enable", null),
                new Route("PUT", t + "/users/{user}/password", "{\"password\":\"Another-Horse-43\"}"),
                new Route("POST", t + "/users/{user}/unlock", null),
                new Route("DELETE", t + "/users/{user}/identities?signInType=federated&issuer=github.com"
                        + "&issuerAssignedId=fixture-1", null),
                new Route("GET", t + "/users/{user}/phoneMethods", null),
                new Route("DELETE", t + "/users/{user}/phoneMethods/{phone}", null),
                new Route("GET", t + "/settings/signInLockout", null),
                new Route("PUT", t + "/settings/signInLockout", "{\"threshold\":10}"),
                new Route("GET", t + "/settings/phone", null),
                new Route("PUT", t + "/settings/phone", "{\"allowedCountries\":[\"US\",\"GB\"],\"perNumberPerHour\":3}"),
                new Route("GET", t + "/keys", null),
                new Route("POST", t + "/keys/rotate", null));
    }

    private static String otherTenantUserToken;
    private static String administratorWithoutMfaToken;
    private static String administratorToken;
    private static String readOnlyToken;

    @Autowired
    private PhoneMethods phoneMethods;
    @Autowired
    private UserRepository users;
    @Autowired
    private IdentityProviderRepository identityProviders;

    @ParameterizedTest(name = "{0}")
    @MethodSource("routes")
    void routeRefusesEveryoneButAdministrators(Route route) {
        Map<String, String> fixture = fixture();
        String path = fill(route.path(), fixture);
        String body = route.body() == null ? null : fill(route.body(), fixture);
        assertThat(call(route, path, body, null).status()).as("anonymous").isEqualTo(401);
        assertThat(call(route, path, body, "not-a-token").status()).as("garbage token").isEqualTo(401);
        assertThat(call(route, path, body, otherTenantUserToken()).status()).as("user of another tenant").isEqualTo(401);
        Browser.Response noMfa = call(route, path, body, administratorWithoutMfaToken());
        assertThat(noMfa.status()).as("administrator without MFA: " + noMfa.body()).isEqualTo(403);
        Browser.Response readOnly = call(route, path, body, readOnlyToken());
        assertThat(readOnly.status()).as("read-only automation: " + readOnly.body()).isEqualTo(route.write() ? 403 : 200);

        Browser.Response admin = call(route, path, body, administratorToken());
        assertThat(admin.status()).as("administrator: " + admin.body()).isBetween(200, 299);
    }

    private Browser.Response call(Route route, String path, String body, String token) {
        return api(route.method(), path, token, body, route.headers());
    }

    private Map<String, String> fixture() {
        TestTenant t = newTenant();
        Map<String, String> values = new HashMap<>();
        values.put("t", t.name());
        values.put("unique", "u-" + UUID.randomUUID().toString().substring(0, 8));
        values.put("app", t.webClientId().toString());
        TenantContext.run(t.tenant(), () -> {
            values.put("secret", clientSecrets.list(t.webClientId()).get(0).id().toString());
            jdbc.sql("insert into user_attribute (tenant_id, name, name_key, data_type, created_at)"
                            + " values (?, 'Tier', 'tier', 'STRING', current_timestamp)")
                    .param(t.tenant().id()).update();
            UUID user = accounts.signUp(new dev.foyer.directory.NewUser(dev.foyer.directory.EmailAddress.parse(
                    uniqueEmail()), PASSWORD, "Fixture", null, null, Map.of())).objectId();
            values.put("user", user.toString());
            users.addIdentity(user, Identity.federated("github.com", "fixture-1"));
            identityProviders.insert(new IdentityProvider(UUID.randomUUID(), "Fixture", ProviderKind.GITHUB,
                    "GitHub", "fixture-client", null,
                    new ProviderSettings(null, null, null, null, null, null, null, null, null), true, java.time.Instant.now()));
            values.put("phone", phoneMethods.attach(user, PhoneNumber.ofE164("+14258820199")).id().toString());
        });
        TenantContext.run(system.tenant(), () -> {
            Application app = applications.register(new Application(UUID.randomUUID(), "Fixture automation",
                    ApplicationType.WEB, List.of(), Optional.empty()));
            permissions.grant(app.clientId(), AdminAccess.READ_SCOPE);
            values.put("sysapp", app.clientId().toString());
        });
        return values;
    }

    private static String fill(String template, Map<String, String> values) {
        String filled = template;
        for (Map.Entry<String, String> value : values.entrySet()) {
            filled = filled.replace("{" + value.getKey() + "}", value.getValue());
        }
        return filled;
    }

    private String readOnlyToken() {
        if (readOnlyToken == null) {
            readOnlyToken = clientToken(AdminAccess.READ_SCOPE);
        }
        return readOnlyToken;
    }

    private String administratorToken() {
        if (administratorToken == null) {
            administratorToken = administratorToken(newAdministrator());
        }
        return administratorToken;
    }

    private String otherTenantUserToken() {
        if (otherTenantUserToken == null) {
            TestTenant t = newTenant();
            Browser browser = browser();
            Map<String, String> response = appResponse(signUp(browser, browser.open(authorizeUrl(t, "B2C_1_susi",
                    Map.of())), uniqueEmail(), PASSWORD), t.webRedirectUri());
            otherTenantUserToken = jsonOf(token(t, "B2C_1_susi", Map.of("grant_type", "authorization_code",
                    "code", response.get("code"), "redirect_uri", t.webRedirectUri()))).get("access_token").asString();
        }
        return otherTenantUserToken;
    }

    /** An administrator's token from a run of the admin flow with MFA switched off for the moment (then restored). */
    private String administratorWithoutMfaToken() {
        if (administratorWithoutMfaToken == null) {
            String email = newAdministrator();
            setAdminFlowMfa(MfaSettings.OFF);
            try {
                String[] cli = TenantContext.call(system.tenant(), () -> {
                    Application app = applications.register(new Application(UUID.randomUUID(), "No-MFA CLI",
                            ApplicationType.WEB, List.of("https://nomfa.example/cb"), Optional.empty()));
                    return new String[] {app.clientId().toString(), clientSecrets.issue(app.clientId()).secret()};
                });
                Browser browser = browser();
                Browser.Response done = signIn(browser, browser.open("/system/" + ADMIN_FLOW
                        + "/oauth2/v2.0/authorize?client_id=" + cli[0] + "&redirect_uri="
                        + URLEncoder.encode("https://nomfa.example/cb", StandardCharsets.UTF_8)
                        + "&response_type=code&scope=openid"), email, PASSWORD);
                String code = appResponse(done, "https://nomfa.example/cb").get("code");
                TestTenant systemClient = new TestTenant(system.tenant(), UUID.fromString(cli[0]), cli[1], null, null, null);
                administratorWithoutMfaToken = jsonOf(token(systemClient, ADMIN_FLOW, Map.of("grant_type",
                        "authorization_code", "code", code, "redirect_uri", "https://nomfa.example/cb")))
                        .get("access_token").asString();
            } finally {
                setAdminFlowMfa(MfaSettings.ENABLED);
            }
        }
        return administratorWithoutMfaToken;
    }

    private void setAdminFlowMfa(MfaSettings mfa) {
        TenantContext.run(system.tenant(), () -> {
            UserFlow flow = flows.findByName(SystemTenant.FLOW).orElseThrow();
            flows.update(new UserFlow(flow.id(), flow.name(), flow.type(),
                    flow.definition().withProperties(flow.properties().withMfa(mfa)), flow.version()), flow.version());
        });
    }
}

package dev.foyer.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foyer.tenant.TenantContext;
import dev.foyer.testing.TestTenant;
import dev.foyer.userflow.MfaSettings;
import dev.foyer.userflow.TokenCompatibility;
import dev.foyer.userflow.UserFlow;
import dev.foyer.userflow.UserFlowDefinition;
import dev.foyer.userflow.UserFlowProperties;
import dev.foyer.userflow.UserFlowType;
import org.junit.jupiter.api.Test;

/**
 * Flows that share B2C's tenant-wide issuer still keep their tokens apart: an access token is
 * answered only by the userinfo endpoint of the flow that issued it.
 */
class UserInfoFlowBindingTests extends FlowEndToEndTest {

    private static final TokenCompatibility TENANT_WIDE = new TokenCompatibility(
            TokenCompatibility.IssuerFormat.TENANT, TokenCompatibility.FlowClaim.TFP);

    @Test
    void accessTokenOfOneFlowIsRefusedByAnotherFlowWithTheSameTenantWideIssuer() throws Exception {
        TestTenant t = newTenant();
        TenantContext.run(t.tenant(), () -> {
            UserFlow susi = flows.findByName(FLOW).orElseThrow();
            flows.update(withCompatibility(susi), susi.version());
            UserFlowDefinition other = definition(MfaSettings.OFF);
            flows.create("other", UserFlowType.SIGN_UP_OR_SIGN_IN, other.withProperties(tenantWide(other.properties())));
        });
        SignedUp person = signedUp(t);
        String accessToken = person.tokens().get("access_token").asString();

        assertThat(getWithBearer(endpoint(t, "openid/v2.0/userinfo"), accessToken).status()).isEqualTo(200);
        String otherFlow = origin() + "/" + t.name() + "/b2c_1_other/openid/v2.0/userinfo";
        assertThat(getWithBearer(otherFlow, accessToken).status()).isEqualTo(401);
    }

    private static UserFlow withCompatibility(UserFlow flow) {
        return new UserFlow(flow.id(), flow.name(), flow.type(),
                flow.definition().withProperties(tenantWide(flow.properties())), flow.version());
    }

    private static UserFlowProperties tenantWide(UserFlowProperties p) {
        return new UserFlowProperties(p.mfa(), p.tokenLifetimes(), TENANT_WIDE, p.session(), p.passwordComplexity());
    }
}

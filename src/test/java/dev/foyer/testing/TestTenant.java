package dev.foyer.testing;

import dev.foyer.tenant.Tenant;
import java.util.UUID;

/**
 * A tenant made for one test: a confidential web app and a public single-page app, and the flows
 * {@code B2C_1_susi} (MFA off) and {@code B2C_1_susi_mfa} (MFA always on).
 */
public record TestTenant(Tenant tenant, UUID webClientId, String webClientSecret, String webRedirectUri,
                         UUID spaClientId, String spaRedirectUri) {

    public String name() {
        return tenant.name();
    }

    /** The B2C-style authority of a flow, e.g. {@code http://localhost:1234/t1a2b3c4/b2c_1_susi}. */
    public String authority(String origin, String flow) {
        return origin + "/" + tenant.name() + "/" + flow.toLowerCase();
    }
}

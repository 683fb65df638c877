package dev.foyer.userflow;

/**
 * How tokens name the issuer and the flow.
 *
 * @param issuer   {@code PER_FLOW}: {@code {origin}/{tenant}/{policy}/v2.0} (the base of the flow's
 *                 discovery URL, default); {@code TENANT}: B2C's {@code {origin}/{tenantId}/v2.0/}
 * @param flowClaim {@code TFP} (default) or {@code ACR}: the claim that names the user flow
 */
public record TokenCompatibility(IssuerFormat issuer, FlowClaim flowClaim) {

    public static final TokenCompatibility DEFAULTS = new TokenCompatibility(IssuerFormat.PER_FLOW, FlowClaim.TFP);

    public enum IssuerFormat { PER_FLOW, TENANT }

    public enum FlowClaim { TFP, ACR }
}

package dev.foyer.userflow;

import java.util.List;

/**
 * Everything configurable about a flow; persisted as one document and read on every run.
 *
 * @param identityProviders  {@code LocalAccount} and, later, federated providers
 * @param signUpAttributes   user attributes collected on the sign-up page, e.g. {@code displayName},
 *                           {@code givenName}, {@code surname}, {@code extension_LoyaltyNumber}
 * @param applicationClaims  claims returned in tokens besides the protocol ones, e.g. {@code emails},
 *                           {@code name}, {@code given_name}, {@code family_name}, {@code oid},
 *                           {@code tid}, {@code idp}, {@code newUser}, {@code extension_*}
 */
public record UserFlowDefinition(
        List<String> identityProviders,
        List<String> signUpAttributes,
        List<String> applicationClaims,
        UserFlowProperties properties) {

    public static final String LOCAL_ACCOUNT = "LocalAccount";

    public UserFlowDefinition {
        identityProviders = List.copyOf(identityProviders);
        signUpAttributes = List.copyOf(signUpAttributes);
        applicationClaims = List.copyOf(applicationClaims);
    }

    public UserFlowDefinition withProperties(UserFlowProperties newProperties) {
        return new UserFlowDefinition(identityProviders, signUpAttributes, applicationClaims, newProperties);
    }
}

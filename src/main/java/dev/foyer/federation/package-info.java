/**
 * Federation: signing in with external identity providers (Google, Microsoft, Apple, Facebook,
 * GitHub, and any OpenID Connect or OAuth 2.0 provider). Owns the tenant's
 * {@link dev.foyer.federation.IdentityProvider}s (sealed client secrets,
 * {@code identity_provider} table) and the {@link dev.foyer.federation.Connector} interface: one
 * connector per protocol, each in its own sub-package, turns a provider into an upstream
 * authorization URL and a callback into a validated {@link dev.foyer.federation.UpstreamIdentity}.
 * The journey steps of this package send the browser upstream, take the callback, and find, create
 * or link the user's federated identity in the directory: the sign-in page's step shows a button
 * per provider of the flow through {@link dev.foyer.journey.ExternalSignIns} (implemented here, so
 * {@code localaccount} knows nothing of providers); {@code FederatedSignInStep} goes upstream and
 * back, {@code FederatedLinkStep} links a new identity to the local account with the same verified
 * email after its password (under {@code lockout}), {@code FederatedSignUpStep} creates the user;
 * {@code LinkIdentityStep} is the linked-accounts page of a profile editing flow, which the profile
 * page opens with the choice {@link dev.foyer.journey.ExternalSignIns#LINK_CHOICE}.
 * Depends on {@code tenant}, {@code userflow}, {@code journey}, {@code directory}, {@code session},
 * {@code secrets}, {@code lockout}, {@code audit} and {@code web}; never on {@code oidc},
 * {@code localaccount} or {@code admin}.
 */
package dev.foyer.federation;

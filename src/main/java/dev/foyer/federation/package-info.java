/**
 * Federation: signing in with external identity providers (Google, Microsoft, Apple, Facebook,
 * GitHub, and any OpenID Connect or OAuth 2.0 provider). Owns the tenant's
 * {@link dev.foyer.federation.IdentityProvider}s (sealed client secrets,
 * {@code identity_provider} table) and the {@link dev.foyer.federation.Connector} interface: one
 * connector per protocol, each in its own sub-package, turns a provider into an upstream
 * authorization URL and a callback into a validated {@link dev.foyer.federation.UpstreamIdentity}.
 * The journey steps of this package send the browser upstream, take the callback, and find, create
 * or link the user's federated identity in the directory ({@code LinkIdentityStep}: the linked
 * accounts page of a profile editing flow, which {@code localaccount}'s profile page opens when
 * {@code LinkableProviders} says the flow offers providers). Depends on {@code tenant},
 * {@code userflow}, {@code journey}, {@code directory}, {@code session}, {@code secrets},
 * {@code audit} and {@code web}; never on {@code oidc} or {@code admin}.
 */
package dev.foyer.federation;

/**
 * The OpenID Connect connector: Google, Microsoft, Apple and any provider with a discovery
 * document. {@link dev.foyer.federation.oidc.OidcConnector} builds the authorization request
 * (code flow, state, nonce, PKCE S256), exchanges the code and validates the ID token against the
 * provider's published keys before any claim is read; {@code ProviderMetadataCache} keeps each
 * provider's discovery document and key set for a short while. Uses the Nimbus OAuth 2.0 / OpenID
 * Connect SDK for parsing and validation. Depends only on {@code federation} and {@code secrets}.
 */
package dev.foyer.federation.oidc;

/**
 * The OAuth 2.0 connector: Facebook, GitHub and any provider with authorize, token and user-info
 * endpoints but no ID token. {@link dev.foyer.federation.oauth2.OAuth2Connector} runs the
 * authorization code flow with {@code state} and PKCE, exchanges the code, and reads the user from
 * the user-info endpoint through the provider's claim mapping. Uses the Nimbus OAuth 2.0 SDK to
 * build requests. Depends only on {@code federation} and {@code secrets}.
 */
package dev.foyer.federation.oauth2;

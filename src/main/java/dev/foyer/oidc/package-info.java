/**
 * OpenID Connect provider in Azure AD B2C's URL shapes: discovery and keys per flow, authorize,
 * token, userinfo and logout, each also in the {@code ?p=} form. Thin endpoints on Spring MVC with
 * Nimbus for JOSE. The authorize endpoint validates the request and meets the journey through two
 * calls — {@code JourneyEngine.start} and {@code JourneyEngine.end} — and never imports
 * {@code mfa}, {@code federation} or {@code messaging}. Grants, codes and refresh tokens live in
 * {@link dev.foyer.oidc.Grants}; a code or refresh token is honoured only by the flow that issued it.
 * A changed password ({@link dev.foyer.directory.PasswordChanged}) revokes every grant of its user.
 */
package dev.foyer.oidc;

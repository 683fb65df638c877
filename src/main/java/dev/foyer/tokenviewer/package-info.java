/**
 * The built-in token viewer: a page of Foyer's ({@code /tokenviewer}) that receives an ID token by
 * form post, or takes one pasted in, and shows its header and claims decoded, a plain-language line
 * per claim, and whether its signature verifies against the keys of the tenant its issuer names.
 * It owns the per-tenant test application "Token viewer" whose reply URLs are that page on every
 * origin of the server ({@link dev.foyer.web.ServerOrigins}), registered at start and on
 * demand, and the "run this user flow" authorize URL that ends on the viewer. Control flows from
 * the page to {@code TokenInspector} (decode, find tenant and flow from the issuer, verify) and
 * {@code ClaimDescriptions} (the words). Depends on {@code tenant}, {@code application},
 * {@code keys}, {@code userflow} and {@code security}.
 */
package dev.foyer.tokenviewer;

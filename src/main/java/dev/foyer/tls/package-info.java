/**
 * HTTPS served by Foyer itself, so apps written for B2C (MSAL refuses {@code http://} authorities)
 * work against a laptop. When the web server is built, {@code HttpsConnector} adds a TLS connector
 * beside the plain HTTP one, using a configured PKCS12 keystore or else a development CA and a
 * {@code localhost} certificate that {@code DevelopmentCertificates} creates once under
 * {@code ${foyer.data-dir}/tls} and re-issues before it expires. {@link dev.foyer.tls.TlsEndpoint}
 * reports the bound port and the CA file to trust. Depends on nothing else in Foyer.
 */
package dev.foyer.tls;

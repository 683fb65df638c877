/**
 * SSO sessions: what a browser has proven in a tenant (who, which factors, when), kept server-side
 * under a hashed id so any node can serve any request. The journey engine records factors here;
 * the protocol side reads them only through the journey. A changed password
 * ({@link dev.foyer.directory.PasswordChanged}) ends every session of its user. Depends on
 * {@code tenant}, {@code security}, {@code web} for its cookie, and
 * {@code directory} (that event only).
 */
package dev.foyer.session;

/**
 * SSO sessions: what a browser has proven in a tenant (who, which factors, when), kept server-side
 * under a hashed id so any node can serve any request. The journey engine records factors here;
 * the protocol side reads them only through the journey. Depends on {@code tenant} and
 * {@code security}, and on {@code web} for its cookie.
 */
package dev.foyer.session;

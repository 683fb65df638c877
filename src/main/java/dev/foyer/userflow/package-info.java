/**
 * User flows (B2C "policies") as data: a name, a type and a definition — identity providers,
 * sign-up attributes, application claims and the Properties blade (MFA, token lifetimes, token
 * compatibility, session behaviour, password complexity). The journey engine reads a flow on every
 * run, so a change takes effect on the next run without restart. Depends only on {@code tenant}.
 */
package dev.foyer.userflow;

/**
 * Small security primitives shared by features: opaque bearer tokens and their stored hashes,
 * constant-time comparison. Depends on nothing in Foyer.
 */
package dev.foyer.security;

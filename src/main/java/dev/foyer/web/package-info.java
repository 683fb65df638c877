/**
 * Web concerns that apply to every response, whatever feature produced it. Today that is
 * {@link dev.foyer.web.SecurityHeadersFilter}, which runs first on every request and error dispatch
 * and sets the security headers before anything can commit the response. Depends on nothing else
 * in Foyer.
 */
package dev.foyer.web;

/**
 * Web concerns that apply to every response, whatever feature produced it. Today those are
 * {@link dev.foyer.web.SecurityHeadersFilter}, which runs first on every request and error dispatch
 * and sets the security headers before anything can commit the response, and
 * {@link dev.foyer.web.UndecodableParametersFilter}, which refuses parameters that are not UTF-8
 * before any endpoint reads them. Depends on nothing else
 * in Foyer.
 */
package dev.foyer.web;

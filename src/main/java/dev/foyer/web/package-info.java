/**
 * Web concerns that apply to every response, whatever feature produced it:
 * {@link dev.foyer.web.SecurityHeadersFilter} runs first on every request and error dispatch and
 * sets the security headers before anything can commit the response;
 * {@link dev.foyer.web.RequestLimitsFilter} refuses over-long URLs and over-large admin API bodies;
 * {@link dev.foyer.web.UndecodableParametersFilter} refuses parameters that are not UTF-8 before any
 * endpoint reads them; {@link dev.foyer.web.PlainErrorReportValve} answers the errors Tomcat meets
 * before Foyer sees the request; {@link dev.foyer.web.BrowserCookies} sets every cookie with the
 * same flags; {@link dev.foyer.web.LiteralSegmentsHandlerMapping} finds each request's controller,
 * ruling out by their literal path segments the mappings that cannot match before Spring MVC tries
 * the rest. Depends on nothing else in Foyer.
 */
package dev.foyer.web;

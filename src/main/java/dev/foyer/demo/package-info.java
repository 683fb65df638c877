/**
 * The out-of-the-box experience: seeds the demo tenant on first start, serves the landing page
 * with "Run user flow" links (and, per flow, a link that runs it for the built-in token viewer),
 * and a callback that shows what the demo application received. Depends on {@code tenant},
 * {@code application}, {@code userflow}, {@code keys}, {@code security}, {@code web} and {@code tokenviewer}.
 */
package dev.foyer.demo;

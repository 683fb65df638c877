/**
 * The out-of-the-box experience: seeds the demo tenant on first start, serves the landing page
 * with "Run user flow" links, and a callback that shows what the demo application received.
 * Depends on {@code tenant}, {@code application}, {@code userflow}, {@code keys} and {@code security}.
 */
package dev.foyer.demo;

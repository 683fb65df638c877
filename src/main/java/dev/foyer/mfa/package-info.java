/**
 * Multi-factor authentication methods, one sub-package each ({@code mfa.phone}: SMS and voice
 * calls). Each method plugs into the journey engine as a {@link dev.foyer.journey.SecondFactorMethod}
 * bean with its own step, storage and templates; adding a method edits no central list. Methods
 * may depend on {@code journey}, {@code directory}, {@code messaging}, {@code security},
 * {@code audit} and {@code tenant}; nothing but the engine's plug-in point depends on them.
 */
package dev.foyer.mfa;

package dev.foyer.journey;

/**
 * Plug-in point for multi-factor methods: each method (SMS/voice, email, TOTP...) lives in its own
 * package and contributes a bean that says which of a flow's MFA method ids it handles and which
 * step runs it. Adding a method edits nothing here.
 */
public interface SecondFactorMethod {

    /** Whether this method serves the flow property value {@code methodId} (e.g. {@code phone}). */
    boolean handles(String methodId);

    /** The step that enrolls or verifies the factor. */
    Step step();
}

package dev.foyer.journey;

/**
 * A step that sends the browser away ({@link StepOutcome.Redirect}, e.g. to a social identity
 * provider) and takes it back at {@code /{tenant}/oauth2/authresp}. The engine checks, before
 * {@link #callback} runs, that the callback carries the state this journey issued (once) and comes
 * from the browser the journey is bound to.
 */
public interface ReturningStep extends Step {

    /**
     * Handles the parameters the browser brought back (query or form post), e.g. {@code code} or
     * {@code error}; answers like {@link #submit}.
     */
    StepOutcome callback(StepContext context, FormInput parameters);
}

package dev.foyer.journey;

/**
 * One step of a user flow: a page (or nothing) and what its submission does. Steps never route to
 * each other; the engine moves on when a step completes.
 */
public interface Step {

    /** Stable name, stored in a running journey's plan. */
    String name();

    /** What the step needs from the user now; {@link StepOutcome.Completed} when nothing (skipped or satisfied). */
    StepOutcome prepare(StepContext context);

    /** Handles a submitted form of this step's page. */
    StepOutcome submit(StepContext context, FormInput input);
}

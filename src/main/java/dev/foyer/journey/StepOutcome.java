package dev.foyer.journey;

/** What a step answers; only the engine acts on it. */
public sealed interface StepOutcome {

    Completed COMPLETED = new Completed();

    static StepOutcome completed() {
        return COMPLETED;
    }

    static StepOutcome show(View view) {
        return new ShowView(view);
    }

    /** The step is done (or had nothing to do); the engine moves on. */
    record Completed() implements StepOutcome {
    }

    /** The user must see {@code view} (first time, or again with errors). */
    record ShowView(View view) implements StepOutcome {
    }

    /**
     * The browser leaves for {@code location} (an upstream identity provider) and comes back to the
     * journey's callback ({@link StepContext#callbackState()}); only a {@link ReturningStep} answers this.
     */
    record Redirect(String location) implements StepOutcome {
    }

    /** The journey ends with an error for the application. */
    record Failed(JourneyError error) implements StepOutcome {
    }
}

package dev.foyer.journey;

/** What {@link JourneyEngine#start} answers. */
public sealed interface JourneyStart {

    /** Nothing to ask: the SSO session satisfies every step. */
    record Finished(JourneyResult result) implements JourneyStart {
    }

    /** The browser must go through hosted pages, starting at {@code pageUrl}. */
    record Interaction(String pageUrl) implements JourneyStart {
    }

    /** The journey cannot run (e.g. prompt=none with no session). */
    record Refused(JourneyError error) implements JourneyStart {
    }
}

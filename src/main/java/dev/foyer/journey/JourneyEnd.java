package dev.foyer.journey;

/** What the protocol side gets back when the browser returns from a journey. */
public sealed interface JourneyEnd {

    record Succeeded(JourneyResult result) implements JourneyEnd {
    }

    record Failed(JourneyError error, String protocolState) implements JourneyEnd {
    }

    /** Unknown, expired, already taken, unfinished, or not this browser's journey. */
    record NotFound() implements JourneyEnd {
    }
}

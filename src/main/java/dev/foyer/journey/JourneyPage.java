package dev.foyer.journey;

import dev.foyer.session.SsoSession;

/** What the hosted-page controller does with the engine's answer to one request. */
sealed interface JourneyPage {

    /** Render the current step's view. */
    record Render(View view, String csrfToken) implements JourneyPage {
    }

    /** Send the browser on; when {@code newSession} is set, write its cookie first. */
    record Redirect(String location, SsoSession newSession) implements JourneyPage {
    }

    /** The request cannot be served; show {@code message} with HTTP {@code status}, change nothing. */
    record Problem(int status, String message) implements JourneyPage {
    }
}

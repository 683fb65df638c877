/**
 * Journeys: one run of a user flow by one browser. {@link dev.foyer.journey.JourneyPlanner} turns the
 * flow (data) into a flat list of step names; {@link dev.foyer.journey.JourneyEngine} runs them and
 * keeps the journey's state in the {@code journey} table after every request, so any node can serve
 * the next one. The protocol side calls {@code start} and, when the browser comes back, {@code end};
 * in between, {@link dev.foyer.journey.JourneyPages} renders the current step's page and hands its
 * form to the engine. Steps ({@link dev.foyer.journey.Step}) and second-factor methods
 * ({@link dev.foyer.journey.SecondFactorMethod}) are beans contributed by other packages; they answer
 * with a {@link dev.foyer.journey.StepOutcome} and never route to each other. Completed factors are
 * recorded in the SSO session. Depends on {@code tenant}, {@code userflow}, {@code application},
 * {@code session}, {@code security} and {@code web} (cookies); never on {@code oidc}, {@code localaccount} or
 * {@code messaging}.
 */
package dev.foyer.journey;

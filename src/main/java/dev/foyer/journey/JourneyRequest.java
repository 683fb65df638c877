package dev.foyer.journey;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * The protocol side's call "this request needs a signed-in user: start a journey". The journey
 * engine never interprets {@code protocolState}; it hands it back with the result.
 *
 * @param prompt        {@code login} forces the password again; {@code none} forbids any page
 * @param maxAge        the longest time since the password was proven that the app accepts; null if any
 * @param returnPath    where the browser goes when the journey ends ({@code ?journey=<id>} is appended)
 * @param domainHint    B2C's {@code domain_hint}: names an identity provider (e.g. {@code google.com}) to go to
 *                      straight away; null if none
 * @param origin        the origin the browser reached Foyer at (e.g. {@code https://login.example.com}), for
 *                      callback URLs registered at upstream providers
 * @param protocolState opaque to the journey
 */
public record JourneyRequest(UUID clientId, String flowName, String prompt, Duration maxAge, List<String> acrValues,
                             String loginHint, String uiLocales, String returnPath, String protocolState,
                             String domainHint, String origin) {

    public JourneyRequest {
        acrValues = acrValues == null ? List.of() : List.copyOf(acrValues);
    }

    public boolean forcesLogin() {
        return "login".equals(prompt);
    }

    public boolean forbidsInteraction() {
        return "none".equals(prompt);
    }
}

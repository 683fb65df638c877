package dev.foyer.userflow;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A user attribute a flow collects on sign-up (the local sign-up page, or the page after a first
 * social sign-in): a built-in one or a custom {@code extension_*}.
 *
 * @param name  the form field id, e.g. {@code givenName}
 * @param label what the page shows
 */
public record SignUpAttribute(String name, String label) {

    public static final int MAX_LENGTH = 256;
    public static final String EXTENSION_PREFIX = "extension_";

    private static final Map<String, String> BUILT_IN = Map.of(
            "displayName", "Display Name",
            "givenName", "Given Name",
            "surname", "Surname");

    public static List<SignUpAttribute> of(List<String> names) {
        return names.stream()
                .filter(n -> BUILT_IN.containsKey(n) || n.startsWith(EXTENSION_PREFIX))
                .map(n -> new SignUpAttribute(n, BUILT_IN.containsKey(n) ? BUILT_IN.get(n) : humanise(n)))
                .toList();
    }

    /** What is wrong with {@code value}, if anything. Every collected attribute is required. */
    public Optional<String> validate(String value) {
        if (value.isEmpty()) {
            return Optional.of("Please enter your " + label.toLowerCase() + ".");
        }
        if (value.length() > MAX_LENGTH) {
            return Optional.of(label + " can have at most " + MAX_LENGTH + " characters.");
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            return Optional.of(label + " contains characters that are not allowed.");
        }
        return Optional.empty();
    }

    private static String humanise(String extensionName) {
        String bare = extensionName.substring(EXTENSION_PREFIX.length());
        return bare.replaceAll("([a-z])([A-Z])", "$1 $2");
    }
}

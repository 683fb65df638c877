package dev.foyer.directory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Password complexity, as a user flow configures it. {@link #SIMPLE} and {@link #STRONG} match
 * B2C's presets; the character classes are lower-case letter, upper-case letter, digit and symbol.
 */
public record PasswordPolicy(String name, int minLength, int maxLength, int requiredCharacterClasses) {

    public static final PasswordPolicy SIMPLE = new PasswordPolicy("simple", 8, 64, 1);
    public static final PasswordPolicy STRONG = new PasswordPolicy("strong", 8, 64, 3);

    private static final int CHARACTER_CLASSES = 4;

    public PasswordPolicy {
        if (minLength < 1 || maxLength < minLength) {
            throw new IllegalArgumentException("Password length range " + minLength + ".." + maxLength + " is empty");
        }
        if (requiredCharacterClasses < 0 || requiredCharacterClasses > CHARACTER_CLASSES) {
            throw new IllegalArgumentException("Required character classes must be between 0 and 4");
        }
    }

    /** The preset named {@code complexity} ("simple" or "strong", any casing). */
    public static PasswordPolicy of(String complexity) {
        String key = complexity == null ? "" : complexity.strip().toLowerCase(Locale.ROOT);
        return switch (key) {
            case "simple" -> SIMPLE;
            case "strong" -> STRONG;
            default -> throw new IllegalArgumentException("Unknown password complexity: " + complexity);
        };
    }

    /** What is wrong with {@code password}, as messages for the user; empty when it is acceptable. */
    public List<String> violations(CharSequence password) {
        String text = password == null ? "" : password.toString();
        List<String> violations = new ArrayList<>();
        int length = text.codePointCount(0, text.length());
        if (length < minLength || length > maxLength) {
            violations.add("The password must be between " + minLength + " and " + maxLength + " characters.");
        }
        if (characterClasses(text) < requiredCharacterClasses) {
            violations.add(classesMessage());
        }
        return List.copyOf(violations);
    }

    /** The rules in words, shown beside the new-password field. */
    public String description() {
        String length = minLength + " to " + maxLength + " characters";
        if (requiredCharacterClasses <= 1) {
            return "Use " + length + ".";
        }
        return "Use " + length + ", with at least " + requiredCharacterClasses + " of: a lowercase letter,"
                + " an uppercase letter, a digit, a symbol.";
    }

    private static int characterClasses(String text) {
        boolean lower = text.codePoints().anyMatch(Character::isLowerCase);
        boolean upper = text.codePoints().anyMatch(Character::isUpperCase);
        boolean digit = text.codePoints().anyMatch(Character::isDigit);
        boolean symbol = text.codePoints().anyMatch(PasswordPolicy::isSymbol);
        return (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (symbol ? 1 : 0);
    }

    private static boolean isSymbol(int c) {
        return !Character.isLetterOrDigit(c) && !Character.isWhitespace(c) && !Character.isISOControl(c);
    }

    private String classesMessage() {
        if (requiredCharacterClasses == CHARACTER_CLASSES) {
            return "The password must have a lowercase letter, an uppercase letter, a digit and a symbol.";
        }
        if (requiredCharacterClasses == 1) {
            return "The password must have at least one letter, digit or symbol.";
        }
        return "The password must have at least " + requiredCharacterClasses + " of the following: "
                + "a lowercase letter, an uppercase letter, a digit, a symbol.";
    }
}

package dev.foyer.directory;

import java.util.Locale;

/**
 * An email address in its normalised form: trimmed and lower-case, so one mailbox is one identity
 * whatever the casing typed. The syntax check is practical rather than RFC 5322 complete: it
 * accepts what people use and rejects what would not be deliverable or would be ambiguous.
 */
public record EmailAddress(String value) {

    public static final int MAX_LENGTH = 254;
    private static final int MAX_LOCAL_LENGTH = 64;
    private static final int MAX_LABEL_LENGTH = 63;
    private static final String LOCAL_SYMBOLS = "!#$%&'*+/=?^_`{|}~-.";

    public EmailAddress {
        value = normalise(value);
        check(value);
    }

    public static EmailAddress parse(String raw) throws InvalidEmailException {
        return new EmailAddress(raw);
    }

    public static boolean isValid(String raw) {
        try {
            parse(raw);
            return true;
        } catch (InvalidEmailException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return value;
    }

    private static String normalise(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidEmailException("Please enter your email address.");
        }
        return raw.strip().toLowerCase(Locale.ROOT);
    }

    private static void check(String email) {
        if (email.length() > MAX_LENGTH) {
            throw new InvalidEmailException("The email address is too long.");
        }
        int at = email.indexOf('@');
        if (at <= 0 || at != email.lastIndexOf('@') || at == email.length() - 1) {
            throw invalid();
        }
        if (!isLocalPart(email.substring(0, at)) || !isDomain(email.substring(at + 1))) {
            throw invalid();
        }
    }

    private static boolean isLocalPart(String local) {
        if (local.length() > MAX_LOCAL_LENGTH || local.startsWith(".") || local.endsWith(".")
                || local.contains("..")) {
            return false;
        }
        return local.codePoints().allMatch(c -> Character.isLetterOrDigit(c) || LOCAL_SYMBOLS.indexOf(c) >= 0);
    }

    private static boolean isDomain(String domain) {
        String[] labels = domain.split("\\.", -1);
        if (labels.length < 2) {
            return false;
        }
        for (String label : labels) {
            if (!isLabel(label)) {
                return false;
            }
        }
        String tld = labels[labels.length - 1];
        return tld.length() >= 2 && (tld.startsWith("xn--") || tld.codePoints().allMatch(Character::isLetter));
    }

    private static boolean isLabel(String label) {
        return !label.isEmpty() && label.length() <= MAX_LABEL_LENGTH
                && !label.startsWith("-") && !label.endsWith("-")
                && label.codePoints().allMatch(c -> Character.isLetterOrDigit(c) || c == '-');
    }

    private static InvalidEmailException invalid() {
        return new InvalidEmailException("Please enter a valid email address.");
    }
}

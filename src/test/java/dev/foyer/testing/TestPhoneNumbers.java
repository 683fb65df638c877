package dev.foyer.testing;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Valid US numbers for tests (Redmond area code 425, exchanges 820–899): 800,000 of them, so tests
 * sharing one server (and one development outbox) do not pick the same number by chance.
 */
public final class TestPhoneNumbers {

    private TestPhoneNumbers() {
    }

    /** Ten digits in national form, e.g. {@code 4258370123}. */
    public static String usNational() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return String.format("4258%02d%04d", 20 + random.nextInt(80), random.nextInt(10_000));
    }

    /** A pattern that matches any number {@link #usNational()} makes, unmasked. */
    public static final String UNMASKED = "4258\\d{6}";
}

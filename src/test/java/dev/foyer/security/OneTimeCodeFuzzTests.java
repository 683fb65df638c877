package dev.foyer.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.time.Instant;

/**
 * Presents arbitrary text as a one-time code. Never throws; a code is accepted only when the text
 * means the same six digits (white space around them, or the digits of another script, e.g.
 * full-width from a Japanese input method); every other answer costs exactly one try.
 */
class OneTimeCodeFuzzTests {

    /** The zero of some scripts' decimal digits: ASCII, Arabic-Indic, Devanagari, Thai, full-width, mathematical. */
    private static final int[] ZEROS = {'0', 0x0660, 0x06F0, 0x0966, 0x0E50, 0xFF10, 0x1D7CE};
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    @FuzzTest(maxDuration = "10s")
    void attemptWhenAnyTextThenCorrectOnlyForTheSameDigits(FuzzedDataProvider data) {
        OneTimeCode.Issued issued = OneTimeCode.issue(NOW.plusSeconds(600), 5);
        OneTimeCode code = issued.code();
        if (data.consumeBoolean()) {
            StringBuilder typed = new StringBuilder(" ".repeat(data.consumeInt(0, 2)));
            for (char digit : issued.plaintext().toCharArray()) {
                typed.appendCodePoint(ZEROS[data.consumeInt(0, ZEROS.length - 1)] + (digit - '0'));
            }
            assertThat(code.attempt(typed.append('\t').toString(), NOW).check()).isEqualTo(OneTimeCode.Check.CORRECT);
            return;
        }
        String presented = data.consumeRemainingAsString();
        OneTimeCode.Attempt attempt = code.attempt(presented, NOW);
        if (attempt.correct()) {
            assertThat(OneTimeCode.normalize(presented)).isEqualTo(issued.plaintext());
            assertThat(attempt.after()).isEqualTo(code);
            assertThat(attempt.message()).isNull();
        } else {
            assertThat(attempt.check()).isEqualTo(OneTimeCode.Check.WRONG);
            assertThat(attempt.after().triesLeft()).isEqualTo(code.triesLeft() - 1);
            assertThat(attempt.message()).isNotBlank();
        }
        assertThat(OneTimeCode.parse(attempt.after().serialize())).isEqualTo(attempt.after());
    }
}

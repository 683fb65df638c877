package dev.foyer.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foyer.testing.Browser;

/** Checks every hostile-input test makes of a response, whatever the endpoint. */
final class HostileResponses {

    private HostileResponses() {
    }

    /**
     * No server error; a value that could act as markup is never in an HTML page as typed; no
     * header was injected; no stack trace or exception name is shown.
     */
    static void assertNoUnsafeEcho(Browser.Response response, String value, String what) {
        assertThat(response.status()).as(what).isLessThan(500);
        boolean html = response.header("Content-Type").map(c -> c.startsWith("text/html")).orElse(false);
        if (html && HostileValues.isMarkup(value)) {
            assertThat(response.body()).as(what + ": echoed unescaped").doesNotContain(value);
        }
        response.headers().forEach((name, values) -> assertThat(name).as(what).isNotEqualToIgnoringCase("injected"));
        assertThat(response.header("Set-Cookie").orElse("")).as(what).doesNotContain("injected");
        assertThat(response.location().orElse("")).as(what).doesNotStartWith("https://evil.example")
                .doesNotContain("\r").doesNotContain("\n");
        assertThat(response.body()).as(what).doesNotContain("Exception").doesNotContain("at dev.foyer.")
                .doesNotContain("Whitelabel");
    }
}

package dev.foyer.mfa.phone;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.foyer.testing.Browser;
import dev.foyer.testing.TestTenant;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * With a Twilio-compatible provider that refuses text messages but places calls: the person sees
 * "We couldn't send a code — try again or use Call me" (never a stack trace), and Call me works.
 */
class PhoneDeliveryFailureTests extends PhoneMfaEndToEndTest {

    private static final WireMockServer PROVIDER = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1")
            .dynamicPort());

    static {
        PROVIDER.start();
        PROVIDER.stubFor(post(urlPathMatching(".*/Messages\\.json")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withBody("{\"code\":21211,\"message\":\"invalid\"}")));
        PROVIDER.stubFor(post(urlPathMatching(".*/Calls\\.json")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("{\"sid\":\"CA123\"}")));
    }

    private static final String DATABASE = "./target/test-data/delivery-failure-" + java.util.UUID.randomUUID();

    @DynamicPropertySource
    static void provider(DynamicPropertyRegistry registry) {
        // A database of its own: this server runs on another port than the shared one.
        registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + DATABASE + "/foyer");
        registry.add("foyer.messaging.twilio.account-sid", () -> "AC0123456789abcdef0123456789abcdef");
        registry.add("foyer.messaging.twilio.auth-token", () -> "test-token");
        registry.add("foyer.messaging.twilio.from-number", () -> "+15005550006");
        registry.add("foyer.messaging.twilio.base-url", PROVIDER::baseUrl);
    }

    @AfterAll
    static void stopProvider() {
        PROVIDER.stop();
    }

    @Test
    void refusedTextMessageIsExplainedAndCallMeStillWorks() throws Exception {
        TestTenant t = newTenant();
        Browser browser = browser();
        Browser.Response enroll = signUp(browser, browser.open(authorizeUrl(t, MFA_FLOW, Map.of())), uniqueEmail(),
                PASSWORD);
        String number = usNumber();
        Browser.Response codePage = requestCode(browser, enroll, "US", number, "button#sendCode");

        Browser.Response explained = Awaitility.await().atMost(Duration.ofSeconds(15))
                .until(() -> browser.get(codePage.uri().toString()), page -> !page.pageError().isEmpty());
        assertThat(explained.pageError()).isEqualTo("We couldn't send a code — try again or use Call me.");
        assertThat(explained.body()).doesNotContainIgnoringCase("exception").doesNotContain(number);

        Browser.Response calling = browser.submit(explained, "form#phoneVerification", "button#callMe", Map.of());
        assertThat(calling.document().getElementById("codeInfo").text()).startsWith("We are calling");
        String code = Awaitility.await().atMost(Duration.ofSeconds(15)).until(this::spokenCode, c -> c != null);
        assertThat(idTokenOf(t, MFA_FLOW, enterCode(browser, calling, code)).getStringListClaim("amr"))
                .containsExactlyInAnyOrder("pwd", "tel", "mfa");
    }

    /** The code the provider was asked to read out, from the TwiML of the last call request. */
    private String spokenCode() {
        List<LoggedRequest> calls = PROVIDER.findAll(postRequestedFor(urlPathMatching(".*/Calls\\.json")));
        if (calls.isEmpty()) {
            return null;
        }
        String body = URLDecoder.decode(calls.get(calls.size() - 1).getBodyAsString(), StandardCharsets.UTF_8);
        Matcher digits = Pattern.compile("code is ((?:\\d, ){5}\\d)").matcher(body);
        return digits.find() ? digits.group(1).replace(", ", "") : null;
    }
}

package dev.foyer.mfa.phone;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foyer.testing.Browser;
import dev.foyer.testing.TestTenant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Twenty journeys ask for a code to one number at the same moment: exactly the per-number cap is
 * sent, every other request is refused with the cap's message, and none fails with a server error.
 */
class ConcurrentPhoneCodeRequestsTests extends PhoneMfaEndToEndTest {

    private static final int JOURNEYS = 20;

    @Test
    void twentyParallelRequestsToOneNumberSendExactlyTheCap() throws Exception {
        TestTenant t = newTenant();
        String number = usNumber();
        List<Browser> browsers = new ArrayList<>();
        List<Browser.Response> pages = new ArrayList<>();
        for (int i = 0; i < JOURNEYS; i++) {
            Browser browser = browser();
            browsers.add(browser);
            pages.add(enrollmentPage(t, browser));
        }
        double refusedBefore = refusalsCounted("phone_number");
        double sentBefore = challengesCounted("sms", "sent");

        List<Browser.Response> answers = sendTogether(browsers, pages, number);

        assertThat(answers).extracting(Browser.Response::status).as("no server error").containsOnly(200);
        List<Browser.Response> sent = answers.stream().filter(page -> page.pageError().isEmpty()).toList();
        List<Browser.Response> refused = answers.stream().filter(page -> !page.pageError().isEmpty()).toList();
        assertThat(sent).hasSize(5).allSatisfy(page ->
                assertThat(page.document().getElementById("verificationCode")).isNotNull());
        assertThat(refused).hasSize(JOURNEYS - 5).allSatisfy(page -> assertThat(page.pageError())
                .startsWith("Too many codes were sent to this number. Try again in"));
        assertThat(phoneMessages(t, e164(number))).isEqualTo(5);
        assertThat(refusalsIn(t)).hasSize(JOURNEYS - 5)
                .allSatisfy(event -> assertThat(event.details()).containsEntry("reason", "phone_number"));
        assertThat(refusalsCounted("phone_number")).isEqualTo(refusedBefore + JOURNEYS - 5);
        assertThat(challengesCounted("sms", "sent")).isEqualTo(sentBefore + 5);
    }

    private static List<Browser.Response> sendTogether(List<Browser> browsers, List<Browser.Response> pages,
                                                       String number) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(JOURNEYS);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Browser.Response>> futures = new ArrayList<>();
            for (int i = 0; i < JOURNEYS; i++) {
                Browser browser = browsers.get(i);
                Browser.Response page = pages.get(i);
                futures.add(pool.submit(() -> {
                    start.await();
                    return browser.submit(page, "form#phoneVerification", "button#sendCode",
                            Map.of("countryCode", "US", "number", number));
                }));
            }
            start.countDown();
            List<Browser.Response> answers = new ArrayList<>();
            for (Future<Browser.Response> future : futures) {
                answers.add(future.get(120, TimeUnit.SECONDS));
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }
}

package dev.foyer.messaging.twilio;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dev.foyer.messaging.DeliveryException;

/**
 * Creates resources of one account of a Twilio-compatible REST API ({@code POST
 * /2010-04-01/Accounts/{sid}/{resource}.json}, form-encoded, HTTP Basic) and turns the answer into
 * a delivery outcome. The error texts it makes end up in the outbox's {@code last_error}, so they
 * carry the resource, the status, the provider's numeric error code and the masked number only:
 * Twilio's own error messages repeat the full number, and the request holds the code.
 */
final class TwilioApi {

    private static final Pattern ERROR_CODE = Pattern.compile("\"code\"\\s*:\\s*(\\d{1,6})");

    private final HttpClient http;
    private final TwilioProperties properties;
    private final String authorization;

    TwilioApi(TwilioProperties properties) {
        if (!properties.isConfigured()) {
            this.properties = properties;
            this.http = null;
            this.authorization = null;
            return;
        }
        this.properties = properties.requireComplete();
        this.http = HttpClient.newBuilder()
                .connectTimeout(properties.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        String credentials = properties.accountSid() + ":" + properties.authToken();
        this.authorization = "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }

    /** Whether an account is configured; without one, nothing may be sent. */
    boolean configured() {
        return http != null;
    }

    String fromNumber() {
        return properties.fromNumber();
    }

    /**
     * Creates one {@code resource} ("Messages", "Calls") from {@code form}, in its order.
     *
     * @param maskedTo the recipient as error texts may name it
     * @throws DeliveryException transient for 5xx, 429, 408, timeouts and I/O errors; permanent for
     *                           any other answer that is not 2xx
     */
    void create(String resource, Map<String, String> form, String maskedTo) throws DeliveryException {
        if (http == null) {
            throw new IllegalStateException("No Twilio account configured (foyer.messaging.twilio.account-sid)");
        }
        HttpRequest request = HttpRequest.newBuilder(uri(resource))
                .timeout(properties.requestTimeout())
                .header("Authorization", authorization)
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form)))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new DeliveryException("Twilio " + resource + " to " + maskedTo + " failed: "
                    + e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryException("Twilio " + resource + " to " + maskedTo + " was interrupted", e);
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return;
        }
        String error = "Twilio " + resource + " to " + maskedTo + " answered " + status + errorCode(response.body());
        if (status >= 500 || status == 429 || status == 408) {
            throw new DeliveryException(error);
        }
        throw DeliveryException.permanent(error);
    }

    private URI uri(String resource) {
        return URI.create(properties.baseUrl() + "/2010-04-01/Accounts/"
                + URLEncoder.encode(properties.accountSid(), StandardCharsets.UTF_8) + "/" + resource + ".json");
    }

    private static String encode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** The provider's numeric error code, e.g. " (error 21211)", and nothing of its message. */
    private static String errorCode(String body) {
        Matcher code = ERROR_CODE.matcher(body == null ? "" : body);
        return code.find() ? " (error " + code.group(1) + ")" : "";
    }
}

package dev.foyer.messaging.twilio;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code foyer.messaging.twilio.*}: the account of a Twilio-compatible REST API. Setting
 * {@code account-sid} turns the Twilio channels on.
 *
 * @param accountSid     the account, also the user name of HTTP Basic authentication
 * @param authToken      the password of HTTP Basic authentication
 * @param fromNumber     the E.164 number messages and calls come from
 * @param baseUrl        the API's origin; blank means {@value #DEFAULT_BASE_URL}
 * @param connectTimeout how long to wait for a connection
 * @param requestTimeout how long to wait for an answer once connected; a timeout is retried
 */
@ConfigurationProperties("foyer.messaging.twilio")
public record TwilioProperties(
        String accountSid,
        String authToken,
        String fromNumber,
        @DefaultValue(DEFAULT_BASE_URL) String baseUrl,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("10s") Duration requestTimeout) {

    public static final String DEFAULT_BASE_URL = "https://api.twilio.com";

    public TwilioProperties {
        // application.properties maps an unset environment variable to "", which must mean the default too.
        baseUrl = isBlank(baseUrl) ? DEFAULT_BASE_URL : stripTrailingSlashes(baseUrl.strip());
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
        requestTimeout = requestTimeout == null ? Duration.ofSeconds(10) : requestTimeout;
    }

    /** Whether an account is set, which turns the Twilio channels on. */
    boolean isConfigured() {
        return !isBlank(accountSid);
    }

    /** Fails at startup, naming the missing keys, when the account is only half configured. */
    TwilioProperties requireComplete() {
        StringBuilder missing = new StringBuilder();
        if (isBlank(accountSid)) {
            missing.append(" account-sid");
        }
        if (isBlank(authToken)) {
            missing.append(" auth-token");
        }
        if (isBlank(fromNumber)) {
            missing.append(" from-number");
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("foyer.messaging.twilio is incomplete; missing:" + missing);
        }
        return this;
    }

    /** Leaves out the token. */
    @Override
    public String toString() {
        return "TwilioProperties[accountSid=" + accountSid + ", baseUrl=" + baseUrl + "]";
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static String stripTrailingSlashes(String url) {
        String stripped = url;
        while (stripped.endsWith("/")) {
            stripped = stripped.substring(0, stripped.length() - 1);
        }
        return stripped;
    }
}

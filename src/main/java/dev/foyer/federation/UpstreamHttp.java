package dev.foyer.federation;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The connectors' way to call a provider's back channel (discovery, token, user-info): bounded in
 * time (connect, then the whole exchange) and in size, no redirects followed. Callers turn an
 * {@link IOException} into {@link UpstreamException.Reason#UNREACHABLE}; nothing here logs bodies,
 * since they carry tokens.
 */
public final class UpstreamHttp {

    /** The most a provider may send back; discovery documents and token responses are a few KiB. */
    public static final int MAX_BODY_BYTES = 1 << 20;

    private final Duration connectTimeout;
    private final Duration readTimeout;
    // Made on the first call: a client starts its own selector thread, and most servers never
    // call a provider; building it at start-up cost every start tens of milliseconds.
    private volatile HttpClient client;

    public UpstreamHttp(Duration connectTimeout, Duration readTimeout) {
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
    }

    /** Connect within 5 seconds, answer within 10. */
    public static UpstreamHttp withDefaultTimeouts() {
        return new UpstreamHttp(Duration.ofSeconds(5), Duration.ofSeconds(10));
    }

    /** What a provider answered; {@code contentType} may be null. */
    public record Response(int status, String contentType, String body) {

        public boolean isSuccess() {
            return status >= 200 && status < 300;
        }

        public boolean isJson() {
            return contentType != null && contentType.toLowerCase(java.util.Locale.ROOT).contains("json");
        }
    }

    public Response get(URI uri, Map<String, String> headers) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(checked(uri)).GET();
        headers.forEach(request::header);
        return send(request);
    }

    /** Posts {@code form}, already encoded as {@code application/x-www-form-urlencoded}. */
    public Response postForm(URI uri, Map<String, String> headers, String form) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(checked(uri))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        return send(request);
    }

    private Response send(HttpRequest.Builder request) throws IOException {
        request.timeout(readTimeout);
        CompletableFuture<Response> exchange = client()
                .sendAsync(request.build(), HttpResponse.BodyHandlers.ofInputStream())
                .thenApply(UpstreamHttp::read);
        try {
            return exchange.get(readTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw new IOException("The provider did not answer in time", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while waiting for the provider", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() instanceof java.util.concurrent.CompletionException c && c.getCause() != null
                    ? c.getCause() : e.getCause();
            throw cause instanceof IOException io ? io : new IOException("The provider could not be reached", cause);
        }
    }

    /** Whether a call was made, so the client exists. */
    boolean started() {
        return client != null;
    }

    private HttpClient client() {
        HttpClient made = client;
        if (made == null) {
            synchronized (this) {
                made = client;
                if (made == null) {
                    made = HttpClient.newBuilder()
                            .connectTimeout(connectTimeout)
                            .followRedirects(HttpClient.Redirect.NEVER)
                            .build();
                    client = made;
                }
            }
        }
        return made;
    }

    private static Response read(HttpResponse<InputStream> response) {
        try (InputStream body = response.body()) {
            byte[] bytes = body.readNBytes(MAX_BODY_BYTES + 1);
            if (bytes.length > MAX_BODY_BYTES) {
                throw new java.io.UncheckedIOException(new IOException("The provider's answer is too large"));
            }
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
                    new String(bytes, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static URI checked(URI uri) throws IOException {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new IOException("Only http and https URLs can be called");
        }
        return uri;
    }
}

package dev.foyer.cluster;

import dev.foyer.testing.Browser;
import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.jsoup.nodes.Element;

/**
 * A browser behind a load balancer: it keeps its cookies while the balancer sends it to whichever
 * node {@link #use} names. Addresses on the public origin, and on any node, go to that node; the
 * application's reply URL is never followed. Forms are submitted as {@link Browser} does.
 */
final class NodeBrowser {

    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
    private final Browser forms = new Browser(Node.PUBLIC_ORIGIN);
    private volatile Node node;

    NodeBrowser(Node node) {
        this.node = node;
    }

    /** From now on, the balancer sends this browser to {@code next}. */
    NodeBrowser use(Node next) {
        this.node = next;
        return this;
    }

    Browser.Response get(String url) {
        return send(HttpRequest.newBuilder(route(url)).GET());
    }

    Browser.Response post(String url, Map<String, String> form) {
        return send(HttpRequest.newBuilder(route(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(Browser.encode(form))));
    }

    /** GET, then follow redirects while they stay on Foyer. */
    Browser.Response open(String url) {
        return follow(get(url));
    }

    Browser.Response follow(Browser.Response response) {
        Browser.Response current = response;
        for (int hops = 0; hops < 20 && current.isRedirect(); hops++) {
            URI next = current.uri().resolve(current.location().orElseThrow());
            if (!isFoyer(next)) {
                return current;
            }
            current = get(next.toString());
        }
        return current;
    }

    /** Presses {@code buttonSelector} in {@code formSelector}, with {@code fields} typed over the form's values. */
    Browser.Response submit(Browser.Response page, String formSelector, String buttonSelector,
                            Map<String, String> fields) {
        Map<String, String> form = forms.formValues(page, formSelector);
        form.putAll(fields);
        Element button = page.document().selectFirst(formSelector + " " + buttonSelector);
        if (button == null) {
            throw new AssertionError("No button " + buttonSelector + " in form " + formSelector + " of:\n" + page.body());
        }
        if (!button.attr("name").isEmpty()) {
            form.put(button.attr("name"), button.attr("value"));
        }
        return follow(post(forms.formAction(page, formSelector), form));
    }

    private static boolean isFoyer(URI uri) {
        return uri.getScheme() != null && uri.toString().startsWith(Node.PUBLIC_ORIGIN)
                || "127.0.0.1".equals(uri.getHost()) || "localhost".equals(uri.getHost());
    }

    private URI route(String url) {
        URI uri = URI.create(url.startsWith("http") ? url : Node.PUBLIC_ORIGIN + url);
        if (!isFoyer(uri)) {
            throw new IllegalArgumentException("Not an address of Foyer: " + url);
        }
        String pathAndQuery = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        return URI.create(node.address() + pathAndQuery);
    }

    private Browser.Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Browser.Response(response.statusCode(), response.uri(), response.headers().map(),
                    response.body());
        } catch (IOException e) {
            throw new IllegalStateException("No answer from " + node, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

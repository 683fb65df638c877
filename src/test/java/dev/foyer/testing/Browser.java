package dev.foyer.testing;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A browser without JavaScript: keeps cookies, follows redirects within the server, and submits
 * the forms the server rendered — hidden fields included — as a person pressing a button would.
 */
public final class Browser {

    private final String origin;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http;

    public Browser(String origin) {
        this(origin, null);
    }

    /** A browser for an {@code https} origin whose certificate {@code tls} trusts. */
    public Browser(String origin, javax.net.ssl.SSLContext tls) {
        this.origin = origin;
        HttpClient.Builder builder = HttpClient.newBuilder().cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10));
        if (tls != null) {
            builder.sslContext(tls);
        }
        this.http = builder.build();
    }

    public String origin() {
        return origin;
    }

    /** A response, with helpers to read it as a page or a redirect. */
    public record Response(int status, URI uri, Map<String, List<String>> headers, String body) {

        public Optional<String> location() {
            return header("location");
        }

        public Optional<String> header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).findFirst();
        }

        public Document document() {
            return Jsoup.parse(body, uri.toString());
        }

        public boolean isRedirect() {
            return status >= 300 && status < 400 && location().isPresent();
        }

        /** Text of the page-level error, or "". */
        public String pageError() {
            Element e = document().selectFirst(".error.pageLevel");
            return e == null ? "" : e.text();
        }

        /** Text of the inline error of field {@code id}, or "". */
        public String fieldError(String id) {
            Element e = document().getElementById(id + "-error");
            return e == null ? "" : e.text();
        }
    }

    public Response get(String url) {
        return send(HttpRequest.newBuilder(resolve(url)).GET());
    }

    public Response post(String url, Map<String, String> form) {
        return send(HttpRequest.newBuilder(resolve(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form))));
    }

    /** POSTs a body already form-encoded as given: repeated fields, bytes that are not UTF-8... */
    public Response postEncoded(String url, String encodedForm) {
        return send(HttpRequest.newBuilder(resolve(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encodedForm)));
    }

    /** GET, then follow redirects while they stay on this server. */
    public Response open(String url) {
        return follow(get(url));
    }

    public Response follow(Response response) {
        Response current = response;
        for (int hops = 0; hops < 20 && current.isRedirect(); hops++) {
            URI next = current.uri().resolve(current.location().get());
            if (!next.toString().startsWith(origin)) {
                return current;
            }
            current = get(next.toString());
        }
        return current;
    }

    /**
     * Submits the form {@code formSelector} of {@code page} by pressing {@code buttonSelector},
     * with {@code fields} typed over the form's own values; follows redirects on the server.
     */
    public Response submit(Response page, String formSelector, String buttonSelector, Map<String, String> fields) {
        Map<String, String> form = formValues(page, formSelector);
        form.putAll(fields);
        Element button = page.document().selectFirst(formSelector + " " + buttonSelector);
        if (button == null) {
            throw new AssertionError("No button " + buttonSelector + " in form " + formSelector + " of:\n" + page.body());
        }
        if (!button.attr("name").isEmpty()) {
            form.put(button.attr("name"), button.attr("value"));
        }
        return follow(post(formAction(page, formSelector), form));
    }

    /**
     * The values a browser would send for the form's inputs, before the user types anything: checked
     * radio buttons and checkboxes only (one value per name), and each select's selected option.
     */
    public Map<String, String> formValues(Response page, String formSelector) {
        Element formElement = page.document().selectFirst(formSelector);
        if (formElement == null) {
            throw new AssertionError("No form " + formSelector + " on page " + page.uri() + ":\n" + page.body());
        }
        Map<String, String> form = new LinkedHashMap<>();
        for (Element input : formElement.select("input[name]")) {
            String type = input.attr("type").toLowerCase(java.util.Locale.ROOT);
            if ((type.equals("radio") || type.equals("checkbox")) && !input.hasAttr("checked")) {
                continue;
            }
            form.put(input.attr("name"), input.hasAttr("value") || !type.equals("checkbox") ? input.attr("value") : "on");
        }
        for (Element select : formElement.select("select[name]:not([multiple])")) {
            Element option = select.selectFirst("option[selected]");
            option = option != null ? option : select.selectFirst("option");
            if (option != null) {
                form.put(select.attr("name"), option.hasAttr("value") ? option.attr("value") : option.text());
            }
        }
        return form;
    }

    public String formAction(Response page, String formSelector) {
        return page.document().selectFirst(formSelector).absUrl("action");
    }

    public Optional<String> cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue).findFirst();
    }

    /** Plants cookie {@code name} for this origin, as a page of this host could have set it. */
    public void addCookie(String name, String value) {
        addCookie(name, value, "/");
    }

    public void addCookie(String name, String value, String path) {
        String secure = name.startsWith("__Host-") || name.startsWith("__Secure-") ? "; Secure" : "";
        try {
            cookies.put(URI.create(origin + path), Map.of("Set-Cookie", List.of(name + "=" + value + "; Path=" + path + secure)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public void clearCookies() {
        cookies.getCookieStore().removeAll();
    }

    private URI resolve(String url) {
        return URI.create(url.startsWith("http") ? url : origin + url);
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.uri(), response.headers().map(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static String encode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue() == null ? "" : e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}

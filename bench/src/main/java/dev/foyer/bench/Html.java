package dev.foyer.bench;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Just enough of Foyer's hosted pages and JSON answers to act on them, without a parser's cost. */
final class Html {

    private static final Pattern CSRF = Pattern.compile("name=\"csrf_token\" value=\"([^\"]*)\"");

    private Html() {
    }

    /** The {@code action} of {@code <form id="formId" ...>}, entities decoded; null when absent. */
    static String formAction(String html, String formId) {
        int form = html.indexOf("<form id=\"" + formId + "\"");
        if (form < 0) {
            return null;
        }
        int action = html.indexOf("action=\"", form);
        int end = html.indexOf('"', action + 8);
        return decode(html.substring(action + 8, end));
    }

    static String csrfToken(String html) {
        Matcher m = CSRF.matcher(html);
        return m.find() ? m.group(1) : null;
    }

    static boolean hasElement(String html, String id) {
        return html.contains("id=\"" + id + "\"");
    }

    /** The string value of the first {@code "name":"value"} in a JSON text; null when absent. */
    static String jsonString(String json, String name) {
        String key = "\"" + name + "\"";
        int at = json.indexOf(key);
        if (at < 0) {
            return null;
        }
        int colon = json.indexOf(':', at + key.length());
        int open = json.indexOf('"', colon + 1);
        if (colon < 0 || open < 0) {
            return null;
        }
        int close = json.indexOf('"', open + 1);
        return json.substring(open + 1, close);
    }

    /** The path (and query) of {@code location}, absolute or not. */
    static String path(String location) {
        if (location.startsWith("http://") || location.startsWith("https://")) {
            int slash = location.indexOf('/', location.indexOf("//") + 2);
            return slash < 0 ? "/" : location.substring(slash);
        }
        return location;
    }

    static String query(String location, String name) {
        int q = location.indexOf('?');
        if (q < 0) {
            return null;
        }
        for (String pair : location.substring(q + 1).split("[&#]")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                return java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    static String form(Map<String, String> fields) {
        StringBuilder body = new StringBuilder(256);
        fields.forEach((name, value) -> {
            if (!body.isEmpty()) {
                body.append('&');
            }
            body.append(encode(name)).append('=').append(encode(value));
        });
        return body.toString();
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String decode(String attribute) {
        return attribute.replace("&amp;", "&").replace("&#39;", "'").replace("&quot;", "\"");
    }
}

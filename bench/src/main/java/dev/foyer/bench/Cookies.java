package dev.foyer.bench;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One virtual browser's cookies for one origin. Paths and domains are not tracked: the benchmark
 * talks to one server and every cookie it meets is under {@code Path=/}. A cookie set with
 * {@code Max-Age=0} (or an empty value) is removed, as a browser would.
 */
final class Cookies {

    private final Map<String, String> values = new LinkedHashMap<>();

    void accept(String setCookie) {
        int semicolon = setCookie.indexOf(';');
        String pair = semicolon >= 0 ? setCookie.substring(0, semicolon) : setCookie;
        int equals = pair.indexOf('=');
        if (equals <= 0) {
            return;
        }
        String name = pair.substring(0, equals).trim();
        String value = pair.substring(equals + 1).trim();
        String attributes = semicolon >= 0 ? setCookie.substring(semicolon).toLowerCase(Locale.ROOT) : "";
        if (value.isEmpty() || attributes.contains("max-age=0")) {
            values.remove(name);
        } else {
            values.put(name, value);
        }
    }

    String get(String name) {
        return values.get(name);
    }

    boolean isEmpty() {
        return values.isEmpty();
    }

    void clear() {
        values.clear();
    }

    String header() {
        StringBuilder header = new StringBuilder(128);
        values.forEach((name, value) -> {
            if (!header.isEmpty()) {
                header.append("; ");
            }
            header.append(name).append('=').append(value);
        });
        return header.toString();
    }
}

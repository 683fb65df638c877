package dev.foyer.hostile;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Values people and robots send where a form or a protocol expects something ordinary. Sizes go
 * past every limit Foyer sets (256 for sign-in fields, 2 048 for protocol parameters) without
 * making a request too slow to send many of.
 */
final class HostileValues {

    /** Past every field and parameter limit; still a body Tomcat reads. */
    static final String HUGE = "a".repeat(100_000);
    static final String CYRILLIC_ADMIN = "\u0430dmin@example.com";
    static final String FULL_WIDTH_DIGITS = "\uFF11\uFF12\uFF13\uFF14\uFF15\uFF16";
    static final String ARABIC_INDIC_DIGITS = "\u0661\u0662\u0663\u0664\u0665\u0666";

    /** Name → value, so a failure says which value broke what. */
    static final Map<String, String> VALUES = values();

    /**
     * Already percent-encoded: byte sequences that are not UTF-8 (an overlong slash, a lone 0xFF),
     * a bare NUL, a CR/LF header injection and broken escapes, which no Java string can carry.
     */
    static final List<String> RAW_ENCODED = List.of("%C0%AF", "%FF", "%ED%A0%80", "%00",
            "x%0D%0ALocation:%20https://evil.example/", "%", "%zz", "%%32%65");

    private HostileValues() {
    }

    private static Map<String, String> values() {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("empty", "");
        v.put("whitespace", " \t \u00A0\u2003 ");
        v.put("long", "b".repeat(3_000));
        v.put("huge", HUGE);
        v.put("nul", "abc\u0000def");
        v.put("control characters", "\u0001\u0007\u001B[31m\u007F\u0085");
        v.put("CR LF", "x\r\nSet-Cookie: injected=1\r\nLocation: https://evil.example/");
        v.put("lone surrogates", "\uD800x\uDC00");
        v.put("RTL override", "\u202Emoc.elpmaxe@nimda");
        v.put("zero-width", "ad\u200Bmin@example.com");
        v.put("homoglyph email", CYRILLIC_ADMIN);
        v.put("full-width email", "\uFF41\uFF44\uFF4D\uFF49\uFF4E@example.com");
        v.put("full-width digits", FULL_WIDTH_DIGITS);
        v.put("Arabic-Indic digits", ARABIC_INDIC_DIGITS);
        v.put("SQL quote", "' or '1'='1");
        v.put("SQL drop", "'; drop table directory_user; --");
        v.put("SQL comment", "admin@example.com'--");
        v.put("script tag", "<script>alert(1)</script>");
        v.put("attribute breakout", "\"><img src=x onerror=alert(1)>");
        v.put("javascript URL", "javascript:alert(document.domain)");
        v.put("SpEL", "${7*7}");
        v.put("Thymeleaf inline", "[[${7*7}]]");
        v.put("Thymeleaf message", "#{7*7}");
        v.put("Thymeleaf preprocess", "__${T(java.lang.Runtime).getRuntime()}__::x");
        v.put("path traversal", "../../../../etc/passwd");
        v.put("encoded traversal", "..%2f..%2f..%2fetc%2fpasswd");
        v.put("JSON", "{\"$gt\": \"\", \"email\": [\"a@example.com\"]}");
        v.put("number", "12345");
        v.put("negative number", "-1");
        v.put("huge number", "99999999999999999999999999");
        v.put("boolean", "true");
        v.put("emoji", "\uD83D\uDE00\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67");
        return java.util.Collections.unmodifiableMap(v);
    }

    /** Whether a page that shows {@code value} verbatim would let it act as markup. */
    static boolean isMarkup(String value) {
        return value.contains("<") || value.contains(">") || value.contains("\"");
    }
}

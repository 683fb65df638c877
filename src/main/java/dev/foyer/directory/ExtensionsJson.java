package dev.foyer.directory;

import java.util.Map;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * How custom attributes are stored: one JSON object per user. The mapper is private so the stored
 * format does not follow changes to the application's web JSON settings.
 */
final class ExtensionsJson {

    static final int MAX_LENGTH = 8000;

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private ExtensionsJson() {
    }

    static String write(Map<String, Object> extensions) {
        String json = MAPPER.writeValueAsString(extensions);
        if (json.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("The user's custom attributes exceed " + MAX_LENGTH + " characters");
        }
        return json;
    }

    static Map<String, Object> read(String json) {
        return json == null || json.isBlank() ? Map.of() : MAPPER.readValue(json, MAP);
    }
}

package dev.foyer.journey;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A page to render: a template and its model. Errors are values: one page-level message and
 * messages per field, shown inline next to the field they are about.
 */
public record View(String template, Map<String, Object> model, String pageError, Map<String, String> fieldErrors) {

    public View {
        model = Map.copyOf(model);
        fieldErrors = Map.copyOf(fieldErrors);
    }

    public static View of(String template) {
        return new View(template, Map.of(), null, Map.of());
    }

    public View with(String key, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(model);
        if (value == null) {
            copy.remove(key);
        } else {
            copy.put(key, value);
        }
        return new View(template, copy, pageError, fieldErrors);
    }

    public View withPageError(String message) {
        return new View(template, model, message, fieldErrors);
    }

    public View withFieldErrors(Map<String, String> errors) {
        return new View(template, model, pageError, errors);
    }

    public boolean hasErrors() {
        return pageError != null || !fieldErrors.isEmpty();
    }

    public List<String> fieldsInError() {
        return List.copyOf(fieldErrors.keySet());
    }
}

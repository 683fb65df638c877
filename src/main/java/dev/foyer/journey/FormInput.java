package dev.foyer.journey;

import java.util.Map;

/** A submitted form: its fields and which button was pressed ({@code action}). */
public record FormInput(String action, Map<String, String> fields) {

    public FormInput {
        fields = Map.copyOf(fields);
    }

    /** The trimmed value of {@code name}, or "" when absent. */
    public String get(String name) {
        String value = fields.get(name);
        return value == null ? "" : value.strip();
    }

    /** The value exactly as sent (passwords are not trimmed), or "" when absent. */
    public String raw(String name) {
        String value = fields.get(name);
        return value == null ? "" : value;
    }

    public boolean isAction(String name) {
        return name.equals(action);
    }
}

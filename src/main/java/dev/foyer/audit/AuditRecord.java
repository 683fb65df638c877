package dev.foyer.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * What a feature asks the log to append; the log adds the id, the tenant and the time. Details hold
 * only plain JSON values — strings, numbers, booleans, null, lists and maps with string keys (UUIDs,
 * instants and enums are kept as their text) — so no object can bring fields nobody meant to record.
 * Never put a one-time code, a password or a full phone number in them.
 *
 * @param type          a dotted name such as {@code mfa.codeSent} (see {@link AuditEvent})
 * @param actor         see {@link AuditActor}
 * @param subjectUserId the user the event concerns, or null
 * @param target        what it acted on (at most 256 characters), or null
 * @param details       plain JSON values; null means none
 */
public record AuditRecord(String type, String actor, UUID subjectUserId, String target, Map<String, Object> details) {

    static final int MAX_TYPE = 64;
    static final int MAX_ACTOR = 200;
    public static final int MAX_TARGET = 256;
    private static final Pattern TYPE = Pattern.compile("[a-z][A-Za-z0-9]*(\\.[a-z][A-Za-z0-9]*)+");

    public AuditRecord {
        if (type == null || type.length() > MAX_TYPE || !TYPE.matcher(type).matches()) {
            throw new IllegalArgumentException("An audit event type is a dotted name such as signIn.failed, got: "
                    + type);
        }
        if (!AuditActor.isValid(actor)) {
            throw new IllegalArgumentException("An audit actor is anonymous, user:<id>, admin:<id> or client:<id>,"
                    + " got: " + actor);
        }
        if (target != null && target.length() > MAX_TARGET) {
            throw new IllegalArgumentException("An audit target has at most " + MAX_TARGET + " characters");
        }
        details = details == null ? Map.of() : plainMap(details);
    }

    /** An event without details. */
    public AuditRecord(String type, String actor, UUID subjectUserId, String target) {
        this(type, actor, subjectUserId, target, Map.of());
    }

    private static Map<String, Object> plainMap(Map<?, ?> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((key, value) -> {
            if (!(key instanceof String name)) {
                throw new IllegalArgumentException("Audit details have string keys, got: " + key);
            }
            copy.put(name, plain(value));
        });
        return Collections.unmodifiableMap(copy);
    }

    private static Object plain(Object value) {
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof Number) {
            return value;
        }
        if (value instanceof UUID || value instanceof Instant || value instanceof Enum<?>) {
            return value.toString();
        }
        if (value instanceof Map<?, ?> map) {
            return plainMap(map);
        }
        if (value instanceof Collection<?> collection) {
            List<Object> copy = new ArrayList<>();
            collection.forEach(item -> copy.add(plain(item)));
            return Collections.unmodifiableList(copy);
        }
        throw new IllegalArgumentException("Audit details hold only strings, numbers, booleans, lists and maps, got a "
                + value.getClass().getSimpleName());
    }
}

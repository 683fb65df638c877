package dev.foyer.admin.manage;

import dev.foyer.admin.access.AdminCaller;
import dev.foyer.tenant.TenantContext;
import dev.foyer.userflow.UserFlow;
import dev.foyer.userflow.UserFlowRepository;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Custom user attributes of the current tenant (B2C's "user attributes"): a definition names the
 * attribute and its data type; users hold values under {@code extension_<Name>}, flows collect and
 * return them. The definitions are a small table only administration reads, so they live here
 * rather than behind a port of their own.
 */
@Service
public class AttributeAdministration {

    public static final String PREFIX = "extension_";
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9]{0,63}");
    private static final int MAX_DESCRIPTION = 256;

    private final JdbcClient jdbc;
    private final UserFlowRepository flows;
    private final AdminChanges changes;

    AttributeAdministration(JdbcClient jdbc, UserFlowRepository flows,
            AdminChanges changes) {
        this.changes = changes;
        this.jdbc = jdbc;
        this.flows = flows;
    }

    /** The data types a custom attribute can hold. */
    public enum DataType {
        STRING, BOOLEAN, INT, DATETIME;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Optional<DataType> of(String raw) {
            for (DataType type : values()) {
                if (type.id().equals(raw)) {
                    return Optional.of(type);
                }
            }
            return Optional.empty();
        }

        /** Whether {@code value} (as JSON gives it) is of this type. */
        public boolean accepts(Object value) {
            return switch (this) {
                case STRING -> value instanceof String s && s.length() <= 256;
                case BOOLEAN -> value instanceof Boolean;
                case INT -> value instanceof Integer || value instanceof Long;
                case DATETIME -> value instanceof String s && isDateTime(s);
            };
        }

        private static boolean isDateTime(String value) {
            try {
                OffsetDateTime.parse(value);
                return true;
            } catch (DateTimeParseException e) {
                return false;
            }
        }
    }

    /** A custom attribute; {@code extensionName()} is how users, flows and tokens name it. */
    public record CustomAttribute(String name, DataType dataType, String description, Instant createdAt) {
        public String extensionName() {
            return PREFIX + name;
        }
    }

    public List<CustomAttribute> list(AdminCaller caller) {
        return jdbc.sql("select name, data_type, description, created_at from user_attribute where tenant_id = ?"
                        + " order by name_key")
                .param(TenantContext.currentId())
                .query((rs, n) -> new CustomAttribute(rs.getString("name"), DataType.valueOf(rs.getString("data_type")),
                        rs.getString("description"), rs.getObject("created_at", OffsetDateTime.class).toInstant()))
                .list();
    }

    /** By name, with or without {@code extension_}, in any casing. */
    public CustomAttribute get(String name, AdminCaller caller) {
        return find(name).orElseThrow(() -> new NoSuchElementException("No user attribute " + name));
    }

    public Optional<CustomAttribute> find(String name) {
        String key = key(name);
        return list(null).stream().filter(a -> key(a.name()).equals(key)).findFirst();
    }

    @Transactional
    public CustomAttribute create(String name, String dataType, String description, AdminCaller caller) {
        Map<String, String> errors = new LinkedHashMap<>();
        String bare = name == null ? null : bare(name.strip());
        if (bare == null || !NAME.matcher(bare).matches()) {
            errors.put("name", "An attribute name has 1 to 64 letters or digits and starts with a letter.");
        }
        Optional<DataType> type = DataType.of(dataType);
        if (type.isEmpty()) {
            errors.put("dataType", "The data type is string, boolean, int or datetime.");
        }
        if (description != null && description.length() > MAX_DESCRIPTION) {
            errors.put("description", "A description has at most " + MAX_DESCRIPTION + " characters.");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        if (find(bare).isPresent()) {
            throw new ConflictException("A user attribute named " + bare + " already exists.");
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        jdbc.sql("""
                insert into user_attribute (tenant_id, name, name_key, data_type, description, created_at)
                values (?, ?, ?, ?, ?, ?)""")
                .params(TenantContext.currentId(), bare, key(bare), type.get().name(), description,
                        now.atOffset(ZoneOffset.UTC))
                .update();
        CustomAttribute created = get(bare, caller);
        changes.record(caller, "userAttribute", "create", created.extensionName(), null, created);
        return created;
    }

    /** @throws ConflictException while a user flow collects or returns the attribute */
    @Transactional
    public void delete(String name, AdminCaller caller) {
        CustomAttribute attribute = get(name, caller);
        List<String> usedBy = flows.findAll().stream().filter(f -> uses(f, attribute)).map(UserFlow::name).toList();
        if (!usedBy.isEmpty()) {
            throw new ConflictException("The attribute " + attribute.extensionName() + " is used by " + usedBy
                    + "; remove it from those user flows first.");
        }
        jdbc.sql("delete from user_attribute where tenant_id = ? and name_key = ?")
                .params(TenantContext.currentId(), key(attribute.name())).update();
        changes.record(caller, "userAttribute", "delete", attribute.extensionName(), attribute, null);
    }

    private static boolean uses(UserFlow flow, CustomAttribute attribute) {
        return flow.definition().signUpAttributes().stream().anyMatch(a -> a.equalsIgnoreCase(attribute.extensionName()))
                || flow.definition().applicationClaims().stream()
                        .anyMatch(c -> c.equalsIgnoreCase(attribute.extensionName()));
    }

    private static String bare(String name) {
        return name.regionMatches(true, 0, PREFIX, 0, PREFIX.length()) ? name.substring(PREFIX.length()) : name;
    }

    private static String key(String name) {
        return bare(name == null ? "" : name.strip()).toLowerCase(Locale.ROOT);
    }
}

package dev.foyer.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Events are appended, never changed: neither the port, nor its adapter, nor their SQL offers a way. */
class AuditLogAppendOnlyTests {

    private static final Pattern CHANGING_NAME =
            Pattern.compile("(?i).*(update|delete|remove|purge|clear|edit|modify|replace|truncate|erase|prune).*");
    private static final Pattern CHANGING_SQL =
            Pattern.compile("(?is).*\\b(update\\s+audit_event|delete\\s+from\\s+audit_event|truncate|"
                    + "merge\\s+into\\s+audit_event|drop\\s+table)\\b.*");

    @Test
    void portWhenInspectedThenOffersOnlyRecordAndQuery() {
        assertThat(Arrays.stream(AuditLog.class.getMethods()).map(Method::getName))
                .containsExactlyInAnyOrder("record", "query");
    }

    @Test
    void adapterWhenInspectedThenHasNoMethodThatCouldChangeOrRemoveEvents() {
        List<String> callable = Arrays.stream(JdbcAuditLog.class.getDeclaredMethods())
                .filter(m -> !Modifier.isPrivate(m.getModifiers()) && !m.isSynthetic())
                .map(Method::getName)
                .toList();

        assertThat(callable).containsExactlyInAnyOrder("record", "query");
        assertThat(Arrays.stream(JdbcAuditLog.class.getDeclaredMethods()).map(Method::getName))
                .noneMatch(name -> CHANGING_NAME.matcher(name).matches());
    }

    @Test
    void auditSourcesWhenReadThenHoldNoStatementThatChangesOrRemovesEvents() throws IOException {
        List<Path> sources;
        try (Stream<Path> files = Files.list(Path.of("src/main/java/dev/foyer/audit"))) {
            sources = files.filter(f -> f.toString().endsWith(".java")).toList();
        }
        assertThat(sources).isNotEmpty();
        for (Path source : sources) {
            String code = stripComments(Files.readString(source));
            assertThat(CHANGING_SQL.matcher(code).matches()).as(source + " changes or removes events").isFalse();
        }
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            List<Path> others = files.filter(f -> f.toString().endsWith(".java")).toList();
            for (Path other : others) {
                String code = stripComments(Files.readString(other)).toLowerCase(Locale.ROOT);
                assertThat(code).as(other + " changes audit events")
                        .doesNotContainPattern("update\\s+audit_event")
                        .doesNotContainPattern("delete\\s+from\\s+audit_event");
            }
        }
    }

    private static String stripComments(String java) {
        return java.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\n]*", "");
    }
}

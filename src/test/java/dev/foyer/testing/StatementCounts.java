package dev.foyer.testing;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Counts the SQL statements the embedded database runs, from its query statistics, for tests that
 * hold a request path to its number of statements (each one a round trip to PostgreSQL in
 * production). Left out: reads the per-node caches answer (tenants, applications, flows,
 * settings), the outbox's dispatcher and the development outbox (they run beside the path, when
 * the timing says so), the periodic cleanups, and commits.
 */
public final class StatementCounts {

    private static final Pattern NOT_COUNTED = Pattern.compile("(?is)"
            + "\\s*select\\b.*?\\bfrom\\s+(tenant|tenant_setting|application\\w*|user_flow\\w*)\\b.*"
            // The path's own outbox statements (queueing a message, reading its delivery state) count.
            + "|(?!\\s*insert\\s+into\\s+outbox_message\\b|\\s*select\\s+status\\s+from\\s+outbox_message\\b)"
            + ".*\\boutbox_message\\b.*"
            + "|.*\\binformation_schema\\b.*"
            + "|\\s*delete\\s+from\\s+\\w+\\s+where\\s+\\w+\\s*<.*"
            + "|\\s*set\\s+query_statistics.*"
            + "|\\s*(commit|rollback)\\s*");

    /** What a counted piece of work returned, and the statements it ran with how often each ran. */
    public record Counted<T>(T result, Map<String, Long> statements) {

        public long total() {
            return statements.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private StatementCounts() {
    }

    /** Runs {@code work} and counts its statements (whitespace collapsed). */
    public static <T> Counted<T> during(JdbcClient jdbc, Callable<T> work) throws Exception {
        jdbc.sql("SET QUERY_STATISTICS FALSE").update(); // forgets what was counted before
        jdbc.sql("SET QUERY_STATISTICS TRUE").update();
        try {
            T result = work.call();
            return new Counted<>(result, jdbc.sql(
                            "select sql_statement, execution_count from information_schema.query_statistics")
                    .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2))).list().stream()
                    .filter(row -> !NOT_COUNTED.matcher(row.getKey()).matches())
                    .collect(Collectors.toMap(row -> row.getKey().replaceAll("\\s+", " ").strip(),
                            Map.Entry::getValue, Long::sum, TreeMap::new)));
        } finally {
            jdbc.sql("SET QUERY_STATISTICS FALSE").update();
        }
    }
}

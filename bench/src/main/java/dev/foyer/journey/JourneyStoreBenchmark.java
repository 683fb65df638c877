package dev.foyer.journey;

import dev.foyer.security.OpaqueTokens;
import dev.foyer.session.AuthenticationFactor;
import dev.foyer.tenant.Tenant;
import dev.foyer.tenant.TenantContext;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcConnectionPool;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Journey state load and store as the engine does it on every request: {@link JourneyStore} on
 * the embedded database (in memory here, so the figure is Foyer's work and H2's, not the disk's),
 * with a state of the size a sign-in journey carries, and the JSON round trip alone.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class JourneyStoreBenchmark {

    private JdbcConnectionPool pool;
    private JourneyStore store;
    private JsonMapper json;
    private Tenant tenant;
    private String id;
    private JourneyState state;
    private String stateJson;
    private int version;

    @Setup(Level.Trial)
    public void setUp() {
        pool = JdbcConnectionPool.create("jdbc:h2:mem:journeys-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(pool).locations("classpath:db/migration").load().migrate();
        JdbcClient jdbc = JdbcClient.create((DataSource) pool);
        tenant = new Tenant(UUID.randomUUID(), "contoso", "Contoso");
        jdbc.sql("insert into tenant (id, name, display_name, created_at) values (?, ?, ?, ?)")
                .params(tenant.id(), tenant.name(), tenant.displayName(), OffsetDateTime.now(ZoneOffset.UTC))
                .update();
        json = JsonMapper.builder().build();
        store = new JourneyStore(jdbc, json);
        state = signInState();
        stateJson = json.writeValueAsString(state);
        id = OpaqueTokens.generate();
        TenantContext.run(tenant, () -> store.insert(id, state));
        version = 1;
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        pool.dispose();
    }

    @Benchmark
    public boolean loadAndStore() {
        return TenantContext.call(tenant, () -> {
            JourneyStore.Loaded loaded = store.find(id, Instant.now()).orElseThrow();
            loaded.state().stepIndex = loaded.state().stepIndex == 0 ? 1 : 0;
            boolean saved = store.save(id, loaded.state(), loaded.version());
            version = loaded.version() + 1;
            return saved;
        });
    }

    @Benchmark
    public JourneyStore.Loaded load() {
        return TenantContext.call(tenant, () -> store.find(id, Instant.now()).orElseThrow());
    }

    @Benchmark
    public String insertNew() {
        String fresh = OpaqueTokens.generate();
        TenantContext.run(tenant, () -> store.insert(fresh, state));
        return fresh;
    }

    @Benchmark
    public JourneyState jsonRoundTrip() {
        return json.readValue(json.writeValueAsString(json.readValue(stateJson, JourneyState.class)),
                JourneyState.class);
    }

    private static JourneyState signInState() {
        JourneyState s = new JourneyState();
        s.request = new JourneyRequest(UUID.randomUUID(), "B2C_1_susi_mfa", null, null, List.of(), null, null,
                "/contoso/b2c_1_susi_mfa/oauth2/v2.0/authorize/resume?r=" + OpaqueTokens.generate(),
                OpaqueTokens.generate() + OpaqueTokens.generate(), null, "http://localhost:8080");
        s.flowId = UUID.randomUUID();
        s.plan = List.of("LocalSignIn", "phone");
        s.secondFactorMethod = "phone";
        s.csrfToken = OpaqueTokens.generate();
        s.browserHash = OpaqueTokens.hash(OpaqueTokens.generate());
        s.objectId = UUID.randomUUID();
        s.proven = new java.util.ArrayList<>(List.of(new AuthenticationFactor("pwd", Instant.now())));
        s.data.put("phone.code", "a".repeat(64) + "|" + OpaqueTokens.generate() + "|1767225600000|5");
        s.data.put("phone.number", "+14258201234");
        s.expiresAt = Instant.now().plusSeconds(3600);
        return s;
    }
}

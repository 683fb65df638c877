package dev.foyer.session;

import dev.foyer.directory.PasswordChanged;
import dev.foyer.security.OpaqueTokens;
import dev.foyer.tenant.TenantContext;
import dev.foyer.web.BrowserCookies;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * SSO sessions, one cookie per tenant, stored server-side (hashed id) so any node can read them.
 * Every authentication issues a new session id: a session id planted before sign-in is worthless
 * after it.
 */
@Service
public class SsoSessions {

    private static final String COOKIE_PREFIX = "foyer_sso_";
    private static final TypeReference<List<AuthenticationFactor>> FACTORS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    public SsoSessions(JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /** The current tenant's live session of this browser, if any. */
    public Optional<SsoSession> current(HttpServletRequest request) {
        return cookieValue(request).flatMap(this::find);
    }

    public Optional<SsoSession> find(String rawId) {
        Instant now = clock.instant();
        return jdbc.sql("select * from sso_session where id_hash = ? and tenant_id = ?")
                .params(OpaqueTokens.hash(rawId), TenantContext.currentId())
                .query((rs, n) -> new SsoSession(rawId, rs.getObject("object_id", UUID.class),
                        json.readValue(rs.getString("factors"), FACTORS),
                        rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                        rs.getObject("expires_at", OffsetDateTime.class).toInstant()))
                .optional()
                .filter(s -> s.expiresAt().isAfter(now));
    }

    /**
     * Records an authentication: a new session (new id) carrying the factors of {@code previous}
     * when it belonged to the same user and was still live, plus {@code proven}. The previous
     * session ends. A previous session ended meanwhile (say, by a password reset in this very
     * journey) carries nothing.
     */
    @Transactional
    public SsoSession authenticated(Optional<SsoSession> previous, UUID objectId, List<AuthenticationFactor> proven,
                                    Duration lifetime) {
        Instant now = clock.instant();
        boolean previousWasLive = previous.map(this::end).orElse(false);
        Optional<SsoSession> carriedFrom = previous.filter(p -> previousWasLive && p.objectId().equals(objectId));
        List<AuthenticationFactor> carried = carriedFrom.map(SsoSession::factors).orElse(List.of());
        Instant createdAt = carriedFrom.map(SsoSession::createdAt).orElse(now);
        SsoSession session = new SsoSession(OpaqueTokens.generate(), objectId, SsoSession.merge(carried, proven),
                createdAt, now.plus(lifetime));
        jdbc.sql("""
                insert into sso_session (id_hash, tenant_id, object_id, factors, created_at, expires_at)
                values (?, ?, ?, ?, ?, ?)""")
                .params(OpaqueTokens.hash(session.id()), TenantContext.currentId(), objectId,
                        json.writeValueAsString(session.factors()), utc(createdAt), utc(session.expiresAt()))
                .update();
        return session;
    }

    /** A rolling session lives {@code lifetime} past its last use. */
    public void extend(SsoSession session, Duration lifetime) {
        jdbc.sql("update sso_session set expires_at = ? where id_hash = ? and tenant_id = ?")
                .params(utc(clock.instant().plus(lifetime)), OpaqueTokens.hash(session.id()), TenantContext.currentId())
                .update();
    }

    @Scheduled(fixedDelayString = "${foyer.sessions.cleanup-interval:PT10M}")
    void deleteExpired() {
        jdbc.sql("delete from sso_session where expires_at < ?").param(utc(clock.instant())).update();
    }

    /** Ends the session; false when it had already ended. */
    public boolean end(SsoSession session) {
        return jdbc.sql("delete from sso_session where id_hash = ? and tenant_id = ?")
                .params(OpaqueTokens.hash(session.id()), TenantContext.currentId())
                .update() == 1;
    }

    /** Ends every session of {@code objectId} in the current tenant, on every browser; returns how many. */
    public int endAllOf(UUID objectId) {
        return jdbc.sql("delete from sso_session where tenant_id = ? and object_id = ?")
                .params(TenantContext.currentId(), objectId)
                .update();
    }

    /** A changed password ends every session that the old one (or anything before it) opened. */
    @EventListener
    void on(PasswordChanged changed) {
        endAllOf(changed.objectId());
    }

    /**
     * Sets the current tenant's session cookie: HttpOnly, Secure over TLS (then named
     * {@code __Host-...}), SameSite=Lax because the authorize request that reads it is a top-level
     * navigation started by the application's site; Strict would hide it there and ask for the
     * password every time.
     */
    public void writeCookie(HttpServletRequest request, HttpServletResponse response, SsoSession session) {
        BrowserCookies.set(request, response, cookieName(), session.id(), "/", BrowserCookies.LAX, null);
    }

    public void clearCookie(HttpServletRequest request, HttpServletResponse response) {
        BrowserCookies.clear(request, response, cookieName(), "/", BrowserCookies.LAX);
    }

    private Optional<String> cookieValue(HttpServletRequest request) {
        return BrowserCookies.read(request, cookieName(), "/").filter(v -> !v.isBlank());
    }

    private static String cookieName() {
        return COOKIE_PREFIX + TenantContext.currentId().toString().replace("-", "");
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}

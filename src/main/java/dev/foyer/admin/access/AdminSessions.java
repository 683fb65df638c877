package dev.foyer.admin.access;

import dev.foyer.security.OpaqueTokens;
import dev.foyer.web.BrowserCookies;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Portal sessions of administrators: server-side (hashed id), 8 hours, cookie {@code foyer_admin}
 * ({@code __Secure-foyer_admin} over HTTPS) limited to {@code /admin}, HttpOnly and
 * SameSite=Strict — the portal is never entered by a form or link of another site that needs the
 * session — with a CSRF token for every form.
 */
@Component
public class AdminSessions {

    static final String COOKIE = "foyer_admin";
    static final String PATH = "/admin";
    static final Duration LIFETIME = Duration.ofHours(8);

    private final JdbcClient jdbc;
    private final Clock clock;

    AdminSessions(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A signed-in administrator. */
    public record AdminSession(UUID objectId, String csrfToken) {
    }

    public Optional<AdminSession> current(HttpServletRequest request) {
        return BrowserCookies.read(request, COOKIE, PATH)
                .flatMap(id -> jdbc.sql("select object_id, csrf_token from admin_session where id_hash = ?"
                                + " and expires_at > ?")
                        .params(OpaqueTokens.hash(id), utc(clock.instant()))
                        .query((rs, n) -> new AdminSession(rs.getObject("object_id", UUID.class),
                                rs.getString("csrf_token")))
                        .optional());
    }

    /**
     * A new session with a new id and CSRF token. A session the browser held before ends: an id
     * known before sign-in (planted or old) is never the one that carries the administrator.
     */
    void start(UUID objectId, HttpServletRequest request, HttpServletResponse response) {
        deleteCurrent(request);
        String id = OpaqueTokens.generate();
        Instant now = clock.instant();
        jdbc.sql("insert into admin_session (id_hash, object_id, csrf_token, created_at, expires_at) values (?, ?, ?, ?, ?)")
                .params(OpaqueTokens.hash(id), objectId, OpaqueTokens.generate(), utc(now), utc(now.plus(LIFETIME)))
                .update();
        BrowserCookies.set(request, response, COOKIE, id, PATH, BrowserCookies.STRICT, LIFETIME);
    }

    void end(HttpServletRequest request, HttpServletResponse response) {
        deleteCurrent(request);
        BrowserCookies.clear(request, response, COOKIE, PATH, BrowserCookies.STRICT);
    }

    private void deleteCurrent(HttpServletRequest request) {
        BrowserCookies.read(request, COOKIE, PATH).ifPresent(id -> jdbc
                .sql("delete from admin_session where id_hash = ?").param(OpaqueTokens.hash(id)).update());
    }

    @Scheduled(fixedDelayString = "${foyer.admin.sessions.cleanup-interval:PT10M}")
    void deleteExpired() {
        jdbc.sql("delete from admin_session where expires_at < ?").param(utc(clock.instant())).update();
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}

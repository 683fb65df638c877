package dev.foyer.admin.access;

import dev.foyer.security.OpaqueTokens;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.ResponseCookie;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Portal sessions of administrators: server-side (hashed id), 8 hours, cookie {@code foyer_admin}
 * limited to {@code /admin}, HttpOnly and SameSite=Strict, with a CSRF token for every form.
 */
@Component
public class AdminSessions {

    static final String COOKIE = "foyer_admin";
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
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        return Arrays.stream(cookies).filter(c -> c.getName().equals(COOKIE)).map(Cookie::getValue).findFirst()
                .flatMap(id -> jdbc.sql("select object_id, csrf_token from admin_session where id_hash = ?"
                                + " and expires_at > ?")
                        .params(OpaqueTokens.hash(id), utc(clock.instant()))
                        .query((rs, n) -> new AdminSession(rs.getObject("object_id", UUID.class),
                                rs.getString("csrf_token")))
                        .optional());
    }

    void start(UUID objectId, HttpServletRequest request, HttpServletResponse response) {
        String id = OpaqueTokens.generate();
        Instant now = clock.instant();
        jdbc.sql("insert into admin_session (id_hash, object_id, csrf_token, created_at, expires_at) values (?, ?, ?, ?, ?)")
                .params(OpaqueTokens.hash(id), objectId, OpaqueTokens.generate(), utc(now), utc(now.plus(LIFETIME)))
                .update();
        response.addHeader("Set-Cookie", cookie(request, id, LIFETIME).toString());
    }

    void end(HttpServletRequest request, HttpServletResponse response) {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            Arrays.stream(cookies).filter(c -> c.getName().equals(COOKIE)).forEach(c -> jdbc
                    .sql("delete from admin_session where id_hash = ?").param(OpaqueTokens.hash(c.getValue())).update());
        }
        response.addHeader("Set-Cookie", cookie(request, "", Duration.ZERO).toString());
    }

    @Scheduled(fixedDelayString = "${foyer.admin.sessions.cleanup-interval:PT10M}")
    void deleteExpired() {
        jdbc.sql("delete from admin_session where expires_at < ?").param(utc(clock.instant())).update();
    }

    private static ResponseCookie cookie(HttpServletRequest request, String value, Duration maxAge) {
        return ResponseCookie.from(COOKIE, value).path("/admin").httpOnly(true).secure(request.isSecure())
                .sameSite("Strict").maxAge(maxAge).build();
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}

package dev.foyer.oidc;

import dev.foyer.security.OpaqueTokens;
import dev.foyer.tenant.TenantContext;
import dev.foyer.userflow.TokenLifetimes;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * Grants and the bearer secrets they produced: authorization codes and refresh tokens, stored only
 * as hashes. State changes that must happen once (redeeming a code, rotating a refresh token) are
 * single conditional updates, so two nodes racing cannot both win.
 */
@Repository
class Grants {

    /** How long a code's or refresh token's row outlives its expiry: the longest access-token lifetime. */
    static final Duration KEPT_AFTER_EXPIRY = TokenLifetimes.LONGEST_ACCESS_AND_ID_TOKEN;

    private final JdbcClient jdbc;
    private final JsonMapper json;

    Grants(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** A code's stored facts. */
    record CodeGrant(AuthorizationRequest request, Authentication authentication) {
    }

    /** A code's row, and whether its grant was live when the row was read. */
    record StoredCode(UUID grantId, CodeGrant grant, Instant expiresAt, boolean redeemed, boolean grantActive) {
    }

    /**
     * A refresh token's row, and whether its grant was live when the row was read; {@code claims}
     * is the stored document {@code authentication} was read from.
     */
    record StoredRefreshToken(UUID grantId, Authentication authentication, String claims, Instant expiresAt,
                              Instant familyExpiresAt, boolean rotated, boolean grantActive) {
    }

    UUID create(Authentication authentication, Instant now) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into oauth_grant (id, tenant_id, client_id, object_id, flow_id, created_at)
                values (?, ?, ?, ?, ?, ?)""")
                .params(id, TenantContext.currentId(), authentication.clientId(), authentication.objectId(),
                        authentication.flowId(), utc(now))
                .update();
        return id;
    }

    /** Whether the grant is live and was made by {@code flowId} (flows may share a tenant-wide issuer). */
    boolean isActiveFor(UUID grantId, UUID flowId) {
        return jdbc.sql("select count(*) from oauth_grant where id = ? and tenant_id = ? and flow_id = ?"
                        + " and revoked_at is null")
                .params(grantId, TenantContext.currentId(), flowId).query(Integer.class).single() == 1;
    }

    void revoke(UUID grantId, String reason, Instant now) {
        jdbc.sql("update oauth_grant set revoked_at = ?, revoked_reason = ? where id = ? and tenant_id = ?"
                        + " and revoked_at is null")
                .params(utc(now), reason, grantId, TenantContext.currentId()).update();
    }

    /**
     * Revokes every live grant of {@code objectId} in the current tenant — with them, every refresh
     * token family, authorization code and access token they issued. Returns how many.
     */
    int revokeAllOf(UUID objectId, String reason, Instant now) {
        return jdbc.sql("update oauth_grant set revoked_at = ?, revoked_reason = ? where tenant_id = ?"
                        + " and object_id = ? and revoked_at is null")
                .params(utc(now), reason, TenantContext.currentId(), objectId).update();
    }

    String issueCode(UUID grantId, CodeGrant grant, Instant expiresAt) {
        String code = OpaqueTokens.generate();
        jdbc.sql("""
                insert into authorization_code (code_hash, grant_id, tenant_id, request, expires_at)
                values (?, ?, ?, ?, ?)""")
                .params(OpaqueTokens.hash(code), grantId, TenantContext.currentId(), json.writeValueAsString(grant),
                        utc(expiresAt))
                .update();
        return code;
    }

    Optional<StoredCode> findCode(String code) {
        // The grant's state comes with the row: one statement on every code redemption, not two.
        return jdbc.sql("""
                        select c.grant_id, c.request, c.expires_at, c.redeemed_at, g.revoked_at
                          from authorization_code c join oauth_grant g on g.id = c.grant_id
                         where c.code_hash = ? and c.tenant_id = ?""")
                .params(OpaqueTokens.hash(code), TenantContext.currentId())
                .query((rs, n) -> new StoredCode(rs.getObject("grant_id", UUID.class),
                        json.readValue(rs.getString("request"), CodeGrant.class),
                        rs.getObject("expires_at", OffsetDateTime.class).toInstant(),
                        rs.getObject("redeemed_at", OffsetDateTime.class) != null,
                        rs.getObject("revoked_at", OffsetDateTime.class) == null))
                .optional();
    }

    /** Marks the code redeemed; false when it already was (a replay). */
    boolean redeem(String code, Instant now) {
        return jdbc.sql("update authorization_code set redeemed_at = ? where code_hash = ? and tenant_id = ?"
                        + " and redeemed_at is null")
                .params(utc(now), OpaqueTokens.hash(code), TenantContext.currentId()).update() == 1;
    }

    String issueRefreshToken(UUID grantId, Authentication authentication, Instant now, Instant expiresAt,
                             Instant familyExpiresAt) {
        return insertRefreshToken(grantId, json.writeValueAsString(authentication), now, expiresAt, familyExpiresAt);
    }

    /**
     * The token that replaces {@code rotated} in its grant. Claims that did not change since the
     * rotated token was stored are stored as they were read, not written anew: on every refresh
     * after a grant's first, that is all of them.
     */
    String issueRefreshToken(StoredRefreshToken rotated, Authentication authentication, Instant now,
                             Instant expiresAt, Instant familyExpiresAt) {
        String claims = authentication.equals(rotated.authentication()) ? rotated.claims()
                : json.writeValueAsString(authentication);
        return insertRefreshToken(rotated.grantId(), claims, now, expiresAt, familyExpiresAt);
    }

    private String insertRefreshToken(UUID grantId, String claims, Instant now, Instant expiresAt,
                                      Instant familyExpiresAt) {
        String token = OpaqueTokens.generate();
        jdbc.sql("""
                insert into refresh_token (token_hash, grant_id, tenant_id, claims, issued_at, expires_at,
                                           family_expires_at)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(OpaqueTokens.hash(token), grantId, TenantContext.currentId(), claims, utc(now), utc(expiresAt),
                        familyExpiresAt == null ? null : utc(familyExpiresAt))
                .update();
        return token;
    }

    Optional<StoredRefreshToken> findRefreshToken(String token) {
        // The grant's state comes with the row: one statement on every refresh, not two.
        return jdbc.sql("""
                        select t.grant_id, t.claims, t.expires_at, t.family_expires_at, t.rotated_at, g.revoked_at
                          from refresh_token t join oauth_grant g on g.id = t.grant_id
                         where t.token_hash = ? and t.tenant_id = ?""")
                .params(OpaqueTokens.hash(token), TenantContext.currentId())
                .query((rs, n) -> {
                    OffsetDateTime family = rs.getObject("family_expires_at", OffsetDateTime.class);
                    String claims = rs.getString("claims");
                    return new StoredRefreshToken(rs.getObject("grant_id", UUID.class),
                            json.readValue(claims, Authentication.class), claims,
                            rs.getObject("expires_at", OffsetDateTime.class).toInstant(),
                            family == null ? null : family.toInstant(),
                            rs.getObject("rotated_at", OffsetDateTime.class) != null,
                            rs.getObject("revoked_at", OffsetDateTime.class) == null);
                })
                .optional();
    }

    /** Marks the token used; false when it already was (a replay of a rotated token). */
    boolean rotate(String token, Instant now) {
        return jdbc.sql("update refresh_token set rotated_at = ? where token_hash = ? and tenant_id = ?"
                        + " and rotated_at is null")
                .params(utc(now), OpaqueTokens.hash(token), TenantContext.currentId()).update() == 1;
    }

    @Scheduled(fixedDelayString = "${foyer.grants.cleanup-interval:PT10M}")
    void deleteExpired() {
        deleteExpired(Instant.now());
    }

    /**
     * Forgets codes and refresh tokens a day past their expiry, then the grants that have neither
     * left. The day is the longest an access token lives: every access token of a grant was issued
     * with one of its codes or refresh tokens and expired before that row went, so no token that
     * names a forgotten grant can still be in use (the userinfo endpoint refuses one anyway).
     */
    void deleteExpired(Instant now) {
        OffsetDateTime before = utc(now.minus(KEPT_AFTER_EXPIRY));
        jdbc.sql("delete from authorization_code where expires_at < ?").param(before).update();
        jdbc.sql("delete from refresh_token where expires_at < ?").param(before).update();
        jdbc.sql("""
                        delete from oauth_grant g
                         where g.created_at < ?
                           and not exists (select 1 from authorization_code c where c.grant_id = g.id)
                           and not exists (select 1 from refresh_token t where t.grant_id = g.id)""")
                .param(before).update();
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}

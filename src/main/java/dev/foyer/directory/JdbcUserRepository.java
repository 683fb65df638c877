package dev.foyer.directory;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import dev.foyer.tenant.Tenant;
import dev.foyer.tenant.TenantContext;

/**
 * JDBC adapter for {@link UserRepository}. Every statement is filtered by the tenant in scope; the
 * primary key of {@code user_identity} (tenant, type, issuer, id) is what makes an identity unique,
 * so concurrent sign-ups with one email cannot both succeed.
 */
@Repository
class JdbcUserRepository implements UserRepository {

    private static final String USER_COLUMNS =
            "u.object_id, u.display_name, u.given_name, u.surname, u.extensions, u.enabled, u.created_at";
    /** All identities of the user, joined as {@code a}: one row each, so a user and its identities are one statement. */
    private static final String IDENTITY_COLUMNS =
            "a.sign_in_type as identity_type, a.issuer as identity_issuer, a.issuer_assigned_id as identity_id";
    private static final ResultSetExtractor<Optional<User>> USER_WITH_IDENTITIES = JdbcUserRepository::userWithIdentities;

    private final JdbcClient jdbc;

    JdbcUserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<User> findById(UUID objectId) {
        return jdbc.sql("select " + USER_COLUMNS + ", " + IDENTITY_COLUMNS + """
                         from directory_user u
                         left join user_identity a on a.tenant_id = u.tenant_id and a.object_id = u.object_id
                        where u.tenant_id = :tenant and u.object_id = :id
                        order by a.sign_in_type, a.issuer, a.issuer_assigned_id""")
                .param("tenant", TenantContext.currentId())
                .param("id", objectId)
                .query(USER_WITH_IDENTITIES);
    }

    @Override
    public Optional<User> findByEmail(EmailAddress email) {
        Tenant tenant = TenantContext.current();
        return jdbc.sql("select " + USER_COLUMNS + ", " + IDENTITY_COLUMNS + """
                         from directory_user u
                         join user_identity i on i.object_id = u.object_id
                         left join user_identity a on a.tenant_id = u.tenant_id and a.object_id = u.object_id
                        where u.tenant_id = :tenant and i.tenant_id = :tenant
                          and i.sign_in_type = :type and i.issuer = :issuer and i.issuer_assigned_id = :email
                        order by a.sign_in_type, a.issuer, a.issuer_assigned_id""")
                .param("tenant", tenant.id())
                .param("type", Identity.EMAIL_ADDRESS)
                .param("issuer", tenant.name())
                .param("email", email.value())
                .query(USER_WITH_IDENTITIES);
    }

    @Override
    public Optional<User> findByIdentity(Identity identity) {
        return jdbc.sql("select " + USER_COLUMNS + ", " + IDENTITY_COLUMNS + """
                         from directory_user u
                         join user_identity i on i.object_id = u.object_id
                         left join user_identity a on a.tenant_id = u.tenant_id and a.object_id = u.object_id
                        where u.tenant_id = :tenant and i.tenant_id = :tenant
                          and i.sign_in_type = :type and i.issuer = :issuer and i.issuer_assigned_id = :assignedId
                        order by a.sign_in_type, a.issuer, a.issuer_assigned_id""")
                .param("tenant", TenantContext.currentId())
                .param("type", identity.signInType())
                .param("issuer", identity.issuer())
                .param("assignedId", identity.issuerAssignedId())
                .query(USER_WITH_IDENTITIES);
    }

    /** Nested, as {@link #insert}: losing a race for the identity rolls back only this link. */
    @Override
    @Transactional(propagation = Propagation.NESTED)
    public void addIdentity(UUID objectId, Identity identity) throws AccountExistsException {
        if (!exists(objectId)) {
            throw new NoSuchElementException("No user " + objectId);
        }
        insertIdentity(TenantContext.currentId(), objectId, identity);
    }

    @Override
    public boolean removeIdentity(UUID objectId, Identity identity) {
        return jdbc.sql("""
                delete from user_identity
                 where tenant_id = :tenant and object_id = :id
                   and sign_in_type = :type and issuer = :issuer and issuer_assigned_id = :assignedId""")
                .param("tenant", TenantContext.currentId())
                .param("id", objectId)
                .param("type", identity.signInType())
                .param("issuer", identity.issuer())
                .param("assignedId", identity.issuerAssignedId())
                .update() == 1;
    }

    /**
     * Nested: inside a caller's transaction (a journey's step) the inserts run in a savepoint, so
     * losing a race for an email rolls back only this user; on PostgreSQL the failed insert would
     * otherwise abort the caller's whole transaction.
     */
    @Override
    @Transactional(propagation = Propagation.NESTED)
    public User insert(User user, String passwordHash) throws AccountExistsException {
        UUID tenant = TenantContext.currentId();
        OffsetDateTime createdAt = utc(user.createdAt());
        jdbc.sql("""
                insert into directory_user
                    (object_id, tenant_id, display_name, given_name, surname, extensions, enabled, created_at, updated_at)
                values (:id, :tenant, :displayName, :givenName, :surname, :extensions, :enabled, :createdAt, :createdAt)""")
                .param("id", user.objectId())
                .param("tenant", tenant)
                .param("displayName", user.displayName())
                .param("givenName", user.givenName())
                .param("surname", user.surname())
                .param("extensions", ExtensionsJson.write(user.extensions()))
                .param("enabled", user.enabled())
                .param("createdAt", createdAt)
                .update();
        for (Identity identity : user.identities()) {
            insertIdentity(tenant, user.objectId(), identity);
        }
        if (passwordHash != null) {
            insertPassword(user.objectId(), passwordHash);
        }
        return new User(user.objectId(), user.displayName(), user.givenName(), user.surname(), user.extensions(),
                user.enabled(), createdAt.toInstant(), user.identities());
    }

    @Override
    public List<User> search(String text, int limit) {
        String needle = text == null ? "" : text.strip().toLowerCase(java.util.Locale.ROOT);
        String like = needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return jdbc.sql("select " + USER_COLUMNS + """
                         from directory_user u
                        where u.tenant_id = :tenant
                          and (:all = true
                               or lower(u.display_name) like :contains escape '\\'
                               or lower(u.given_name) like :contains escape '\\'
                               or lower(u.surname) like :contains escape '\\'
                               or exists (select 1 from user_identity i
                                           where i.object_id = u.object_id and i.tenant_id = :tenant
                                             and i.sign_in_type = :type and i.issuer_assigned_id like :prefix escape '\\'))
                        order by u.created_at, u.object_id
                        limit :limit""")
                .param("tenant", TenantContext.currentId())
                .param("all", needle.isEmpty())
                .param("contains", "%" + like + "%")
                .param("prefix", like + "%")
                .param("type", Identity.EMAIL_ADDRESS)
                .param("limit", limit)
                .query(JdbcUserRepository::userWithoutIdentities)
                .list()
                .stream()
                .map(this::withIdentities)
                .toList();
    }

    @Override
    @Transactional
    public User updateProfile(User user) {
        int updated = jdbc.sql("""
                update directory_user
                   set display_name = :displayName, given_name = :givenName, surname = :surname,
                       extensions = :extensions, updated_at = :now
                 where tenant_id = :tenant and object_id = :id""")
                .param("displayName", user.displayName())
                .param("givenName", user.givenName())
                .param("surname", user.surname())
                .param("extensions", ExtensionsJson.write(user.extensions()))
                .param("now", utc(Instant.now()))
                .param("tenant", TenantContext.currentId())
                .param("id", user.objectId())
                .update();
        if (updated != 1) {
            throw new NoSuchElementException("No user " + user.objectId() + " in this tenant");
        }
        return findById(user.objectId()).orElseThrow();
    }

    @Override
    public void setEnabled(UUID objectId, boolean enabled) {
        int updated = jdbc.sql("""
                update directory_user set enabled = :enabled, updated_at = :now
                 where tenant_id = :tenant and object_id = :id""")
                .param("enabled", enabled)
                .param("now", utc(Instant.now()))
                .param("tenant", TenantContext.currentId())
                .param("id", objectId)
                .update();
        if (updated != 1) {
            throw new NoSuchElementException("No user " + objectId + " in this tenant");
        }
    }

    @Override
    public void delete(UUID objectId) {
        // Identities, password, sessions, grants and MFA methods go with the user (on delete cascade).
        jdbc.sql("delete from directory_user where tenant_id = :tenant and object_id = :id")
                .param("tenant", TenantContext.currentId())
                .param("id", objectId)
                .update();
    }

    @Override
    public Optional<String> passwordHash(UUID objectId) {
        return jdbc.sql("""
                select p.password_hash
                  from user_password p
                  join directory_user u on u.object_id = p.object_id
                 where u.tenant_id = :tenant and p.object_id = :id""")
                .param("tenant", TenantContext.currentId())
                .param("id", objectId)
                .query(String.class)
                .optional();
    }

    @Override
    @Transactional
    public void updatePasswordHash(UUID objectId, String newHash) {
        if (!exists(objectId)) {
            throw new NoSuchElementException("No user " + objectId + " in this tenant");
        }
        int updated = jdbc.sql("update user_password set password_hash = :hash, changed_at = :now where object_id = :id")
                .param("hash", newHash)
                .param("now", utc(Instant.now()))
                .param("id", objectId)
                .update();
        if (updated == 0) {
            insertPassword(objectId, newHash);
        }
    }

    private void insertIdentity(UUID tenant, UUID objectId, Identity identity) {
        try {
            jdbc.sql("""
                    insert into user_identity (tenant_id, object_id, sign_in_type, issuer, issuer_assigned_id)
                    values (:tenant, :id, :type, :issuer, :assignedId)""")
                    .param("tenant", tenant)
                    .param("id", objectId)
                    .param("type", identity.signInType())
                    .param("issuer", identity.issuer())
                    .param("assignedId", identity.issuerAssignedId())
                    .update();
        } catch (DuplicateKeyException e) {
            // Thrown through the transactional proxy, so the user row above is rolled back too.
            throw new AccountExistsException(e);
        }
    }

    private void insertPassword(UUID objectId, String hash) {
        jdbc.sql("insert into user_password (object_id, password_hash, changed_at) values (:id, :hash, :now)")
                .param("id", objectId)
                .param("hash", hash)
                .param("now", utc(Instant.now()))
                .update();
    }

    private boolean exists(UUID objectId) {
        return jdbc.sql("select count(*) from directory_user where tenant_id = :tenant and object_id = :id")
                .param("tenant", TenantContext.currentId())
                .param("id", objectId)
                .query(Integer.class)
                .single() > 0;
    }

    private User withIdentities(User user) {
        List<Identity> identities = jdbc.sql("""
                select sign_in_type, issuer, issuer_assigned_id
                  from user_identity
                 where tenant_id = :tenant and object_id = :id
                 order by sign_in_type, issuer, issuer_assigned_id""")
                .param("tenant", TenantContext.currentId())
                .param("id", user.objectId())
                .query((rs, row) -> new Identity(rs.getString(1), rs.getString(2), rs.getString(3)))
                .list();
        return new User(user.objectId(), user.displayName(), user.givenName(), user.surname(), user.extensions(),
                user.enabled(), user.createdAt(), identities);
    }

    /** The user of the rows (one per identity, or one with none), with its identities in order; empty without rows. */
    private static Optional<User> userWithIdentities(ResultSet rs) throws SQLException {
        if (!rs.next()) {
            return Optional.empty();
        }
        User user = userWithoutIdentities(rs, 0);
        List<Identity> identities = new ArrayList<>();
        do {
            String type = rs.getString("identity_type");
            if (type != null) {
                identities.add(new Identity(type, rs.getString("identity_issuer"), rs.getString("identity_id")));
            }
        } while (rs.next());
        return Optional.of(new User(user.objectId(), user.displayName(), user.givenName(), user.surname(),
                user.extensions(), user.enabled(), user.createdAt(), List.copyOf(identities)));
    }

    private static User userWithoutIdentities(ResultSet rs, int row) throws SQLException {
        return new User(rs.getObject("object_id", UUID.class), rs.getString("display_name"),
                rs.getString("given_name"), rs.getString("surname"), ExtensionsJson.read(rs.getString("extensions")),
                rs.getBoolean("enabled"), rs.getObject("created_at", OffsetDateTime.class).toInstant(), List.of());
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    }
}

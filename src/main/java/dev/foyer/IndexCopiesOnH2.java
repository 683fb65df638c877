package dev.foyer;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.stereotype.Component;

/**
 * Migration 18: on H2, drops the indexes the schema declares on foreign-key columns. PostgreSQL
 * indexes no foreign key by itself, so the SQL migrations, which run on both databases, declare
 * these for the lookups and cascades by tenant, user and grant; H2 makes an index for every
 * foreign key, so there each was a second copy of one, written on every insert and delete (an SSO
 * session, a grant, a code and a refresh token per sign-in; a refresh token per refresh). On
 * PostgreSQL this migration changes nothing.
 */
@Component
class IndexCopiesOnH2 implements JavaMigration {

    static final List<String> COPIES = List.of(
            "application_tenant_ix",
            "client_secret_client_ix",
            "directory_user_tenant_ix",
            "user_identity_user_ix",
            "sso_session_user_ix",
            "oauth_grant_user_ix",
            "refresh_token_grant_ix",
            "authorization_code_grant_ix");

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("18");
    }

    @Override
    public String getDescription() {
        return "drop index copies on H2";
    }

    @Override
    public Integer getChecksum() {
        return String.join(",", COPIES).hashCode();
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        if (!"H2".equals(connection.getMetaData().getDatabaseProductName())) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            for (String index : COPIES) {
                statement.execute("drop index " + index);
            }
        }
    }
}

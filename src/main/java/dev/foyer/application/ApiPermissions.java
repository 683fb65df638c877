package dev.foyer.application;

import dev.foyer.tenant.TenantContext;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The scopes a confidential application of the current tenant may obtain for itself with the
 * client-credentials grant.
 */
@Repository
public class ApiPermissions {

    private final JdbcClient jdbc;

    public ApiPermissions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Set<String> of(UUID clientId) {
        return new TreeSet<>(jdbc.sql("""
                        select s.scope from application_scope s join application a on a.client_id = s.client_id
                        where a.client_id = ? and a.tenant_id = ?""")
                .params(clientId, TenantContext.currentId()).query(String.class).list());
    }

    /** Grants {@code scope} to a confidential application of the current tenant. */
    public void grant(UUID clientId, String scope) {
        if (!scope.matches("[A-Za-z0-9._:/-]{1,128}")) {
            throw new IllegalArgumentException("A scope is 1 to 128 letters, digits and . _ : / -");
        }
        if (of(clientId).contains(scope)) {
            return;
        }
        int inserted = jdbc.sql("""
                        insert into application_scope (client_id, scope)
                        select client_id, ? from application where client_id = ? and tenant_id = ? and app_type = 'WEB'""")
                .params(scope, clientId, TenantContext.currentId()).update();
        if (inserted != 1) {
            throw new IllegalArgumentException("Only a confidential (web) application of this tenant can be granted"
                    + " scopes");
        }
    }

    public void revoke(UUID clientId, String scope) {
        jdbc.sql("""
                delete from application_scope where scope = ? and client_id in
                    (select client_id from application where client_id = ? and tenant_id = ?)""")
                .params(scope, clientId, TenantContext.currentId()).update();
    }
}

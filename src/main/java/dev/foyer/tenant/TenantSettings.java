package dev.foyer.tenant;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The current tenant's overrides of server-wide defaults, one JSON document per named setting.
 * Features own the setting types; this class only stores them.
 */
@Repository
public class TenantSettings {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public TenantSettings(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public <T> Optional<T> find(String name, Class<T> type) {
        return jdbc.sql("select setting_value from tenant_setting where tenant_id = ? and name = ?")
                .params(TenantContext.currentId(), name)
                .query(String.class).optional()
                .map(value -> json.readValue(value, type));
    }

    @Transactional
    public void put(String name, Object value) {
        String document = json.writeValueAsString(value);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        int updated = jdbc.sql("update tenant_setting set setting_value = ?, updated_at = ? where tenant_id = ? and name = ?")
                .params(document, now, TenantContext.currentId(), name).update();
        if (updated == 0) {
            jdbc.sql("insert into tenant_setting (tenant_id, name, setting_value, updated_at) values (?, ?, ?, ?)")
                    .params(TenantContext.currentId(), name, document, now).update();
        }
    }

    public void remove(String name) {
        jdbc.sql("delete from tenant_setting where tenant_id = ? and name = ?")
                .params(TenantContext.currentId(), name).update();
    }
}

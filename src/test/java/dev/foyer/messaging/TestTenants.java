package dev.foyer.messaging;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

import dev.foyer.tenant.Tenant;

/** Tenant rows for tests: every outbox row references one. */
final class TestTenants {

    private TestTenants() {
    }

    static Tenant create(JdbcClient jdbc) {
        UUID id = UUID.randomUUID();
        String name = "t" + id.toString().substring(0, 8);
        jdbc.sql("insert into tenant (id, name, display_name, created_at) values (:id, :name, :display, :now)")
                .param("id", id)
                .param("name", name)
                .param("display", name.toUpperCase())
                .param("now", OffsetDateTime.now())
                .update();
        return new Tenant(id, name, name.toUpperCase());
    }
}

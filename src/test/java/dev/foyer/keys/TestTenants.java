package dev.foyer.keys;

import java.time.OffsetDateTime;
import java.util.UUID;

import dev.foyer.tenant.Tenant;
import org.springframework.jdbc.core.simple.JdbcClient;

final class TestTenants {

    private TestTenants() {
    }

    static Tenant create(JdbcClient jdbc) {
        UUID id = UUID.randomUUID();
        String name = "t" + id.toString().substring(0, 8);
        jdbc.sql("insert into tenant (id, name, display_name, created_at) values (?, ?, ?, ?)")
                .params(id, name, name.toUpperCase(), OffsetDateTime.now())
                .update();
        return new Tenant(id, name, name.toUpperCase());
    }
}

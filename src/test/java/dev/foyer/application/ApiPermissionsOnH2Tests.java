package dev.foyer.application;

import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

class ApiPermissionsOnH2Tests extends ApiPermissionsTests {

    @Override
    DataSource newDatabase() {
        return new SimpleDriverDataSource(new org.h2.Driver(),
                "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
    }
}

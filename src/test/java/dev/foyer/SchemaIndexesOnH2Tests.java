package dev.foyer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/** H2 indexes every foreign key itself: besides the plans, no index of the schema is kept twice. */
class SchemaIndexesOnH2Tests extends SchemaIndexesTests {

    @Override
    DataSource newDatabase() {
        return new SimpleDriverDataSource(new org.h2.Driver(),
                "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
    }

    @Override
    String wholeTableRead() {
        return "tableScan";
    }

    @Test
    void everyIndexWhenListedThenNoOtherOfItsTableHasTheSameColumns() {
        Map<String, List<String>> indexesByColumns = jdbc.sql("""
                        select i.table_name, i.index_name,
                               listagg(c.column_name, ',') within group (order by c.ordinal_position) as columns
                          from information_schema.indexes i
                          join information_schema.index_columns c
                            on c.table_schema = i.table_schema and c.table_name = i.table_name
                           and c.index_name = i.index_name
                         where i.table_schema = 'PUBLIC'
                         group by i.table_name, i.index_name""")
                .query((rs, n) -> List.of(rs.getString("table_name") + " (" + rs.getString("columns") + ")",
                        rs.getString("index_name")))
                .list().stream()
                .collect(Collectors.groupingBy(row -> row.get(0),
                        Collectors.mapping(row -> row.get(1), Collectors.toList())));

        assertThat(indexesByColumns).hasSizeGreaterThan(50);
        assertThat(indexesByColumns).allSatisfy((columns, indexes) -> assertThat(indexes).as(columns).hasSize(1));
    }
}

package dev.baton.engine.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

class EngineTablesTest {

  @Test
  void shouldPutTheEnginesTablePrefixBeforeEveryTableInBraces() {
    // given
    EngineTables tables = new EngineTables(new JdbcTemplate(), "engine.");

    // when
    String sql =
        tables.sql("select ACT_ID_ from {ACT_HI_ACTINST} a join {ACT_HI_PROCINST} p on 1 = 1");

    // then the columns stay as they are
    assertThat(sql)
        .isEqualTo(
            "select ACT_ID_ from engine.ACT_HI_ACTINST a join engine.ACT_HI_PROCINST p on 1 = 1");
  }

  @Test
  void shouldQueryTheTablesInTheSchemaThePrefixNames() {
    // given the engine's table in schema ENGINE only, as with databaseTablePrefix=ENGINE.
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:tables-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    JdbcTemplate jdbc = new JdbcTemplate(h2);
    jdbc.execute("create schema ENGINE");
    jdbc.execute("create table ENGINE.ACT_RU_EXT_TASK (TOPIC_NAME_ varchar(64))");
    jdbc.execute("insert into ENGINE.ACT_RU_EXT_TASK values ('shipping'), ('shipping')");

    // when
    var counts =
        new EngineTables(jdbc, "ENGINE.")
            .query(
                "select TOPIC_NAME_, count(*) from {ACT_RU_EXT_TASK} group by TOPIC_NAME_",
                (rs, row) -> rs.getString(1) + "=" + rs.getLong(2));

    // then
    assertThat(counts).containsExactly("shipping=2");
  }

  @Test
  void shouldLeaveTablesUnprefixedWhenThereIsNoPrefix() {
    assertThat(new EngineTables(new JdbcTemplate(), (String) null).sql("from {ACT_GE_PROPERTY}"))
        .isEqualTo("from ACT_GE_PROPERTY");
  }
}

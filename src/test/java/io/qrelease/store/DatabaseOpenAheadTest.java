package io.qrelease.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A command opens its embedded database while the application starts, and lets go of it once the pool holds it. */
class DatabaseOpenAheadTest {

  @TempDir
  Path folder;

  @Test
  void anEmbeddedDatabaseIsOpenedAheadAndShutDownWithTheLastConnectionAfterwards() throws Exception {
    // given
    Database database = Database.of("jdbc:hsqldb:file:" + folder.resolve("db/qrelease"));

    // when: the pool connects while the database is held ahead, and lets go after it
    Connection pool;
    try (Database.Ahead opening = database.openAhead()) {
      assertThat(opening.opening().join()).isNotNull();
      pool = DriverManager.getConnection(database.url(), "SA", "");
    }

    // then: the pool's connection still works, and closing it shuts the database down
    assertThat(pool.isValid(1)).isTrue();
    assertThat(Files.exists(folder.resolve("db/qrelease.lck"))).isTrue();
    pool.close();
    assertThat(Files.exists(folder.resolve("db/qrelease.lck"))).isFalse();
  }

  @Test
  void aServerDatabaseIsLeftToThePool() {
    // when
    Database.Ahead opening = Database.of("jdbc:hsqldb:hsql://localhost:1/none").openAhead();

    // then
    assertThat(opening.opening().join()).isNull();
    assertThatCode(opening::close).doesNotThrowAnyException();
  }

  @Test
  void aDatabaseThatCannotBeOpenedIsLeftForThePoolToReport() throws Exception {
    // given: the database's folder is a file
    Files.writeString(folder.resolve("db"), "not a folder");

    // when
    Database.Ahead opening = Database.of("jdbc:hsqldb:file:" + folder.resolve("db/qrelease")).openAhead();

    // then
    assertThat(opening.opening().join()).isNull();
    assertThatCode(opening::close).doesNotThrowAnyException();
  }
}

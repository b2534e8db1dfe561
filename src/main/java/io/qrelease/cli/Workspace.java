package io.qrelease.cli;

import io.qrelease.QreleaseApplication;
import io.qrelease.store.Database;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The jobs and the store, opened on one database for the length of one command. */
final class Workspace implements AutoCloseable {

  private final ConfigurableApplicationContext context;

  private Workspace(ConfigurableApplicationContext context) {
    this.context = context;
  }

  static Workspace open(Database database) {
    try {
      return new Workspace(new SpringApplicationBuilder(QreleaseApplication.class)
          .web(WebApplicationType.NONE)
          .properties(database.springProperties())
          .run());
    } catch (RuntimeException e) {
      if (heldByAnotherProcess(e)) {
        throw new Refusal("The database " + database.url().split(";")[0] + " is in use by another qrelease run;"
            + " wait for it to finish, or pass --db to use another database.", e);
      }
      throw e;
    }
  }

  private static boolean heldByAnotherProcess(Throwable error) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause.getMessage() != null && cause.getMessage().contains("lock acquisition failure")) {
        return true;
      }
    }
    return false;
  }

  <T> T bean(Class<T> type) {
    return context.getBean(type);
  }

  <T> T bean(String name, Class<T> type) {
    return context.getBean(name, type);
  }

  @Override
  public void close() {
    context.close();
  }
}

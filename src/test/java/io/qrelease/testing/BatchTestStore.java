package io.qrelease.testing;

import io.qrelease.store.Database;
import java.nio.file.Path;
import org.springframework.test.context.DynamicPropertyRegistry;

/** The store of a Spring Batch test's context: a file database in the test's folder. */
public final class BatchTestStore {

  private BatchTestStore() {
  }

  /** Chunks of two, smaller than the tests' selections, so that every step commits over several chunks. */
  public static void in(Path folder, DynamicPropertyRegistry properties) {
    Database.of("jdbc:hsqldb:file:" + folder.resolve("db/q")).springProperties().forEach((name, value) -> {
      if (name.startsWith("spring.datasource.")) {
        properties.add(name, () -> value);
      }
    });
    properties.add("qrelease.data-dir", folder::toString);
    properties.add("qrelease.chunk-size", () -> "2");
  }
}

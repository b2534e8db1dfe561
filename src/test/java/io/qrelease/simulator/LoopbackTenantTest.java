package io.qrelease.simulator;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A simulator of its own for each test, in the test's folder, stopped after it. */
abstract class LoopbackTenantTest {

  @TempDir
  Path folder;
  LoopbackTenant tenant;

  @BeforeEach
  void startTenant() throws Exception {
    tenant = LoopbackTenant.start(folder.resolve("state"));
  }

  @AfterEach
  void stopTenant() {
    tenant.close();
  }
}

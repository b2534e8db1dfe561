package io.qrelease;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The benchmark, small: it generates, imports and releases 20,000 rows with a 256 MiB heap beside
 * the JDBC reference. Only that it completes and its accounting balances is asserted here; the
 * timings of a shared build machine say nothing.
 */
class ReleaseBenchIT {

  @Test
  void theBenchmarkCompletesWithASmallHeapAndItsAccountingBalances() throws Exception {
    Path output = Files.createTempFile("release-bench", ".txt");
    Process bench = new ProcessBuilder("bash", "bench/release-bench.sh", "20000")
        .redirectErrorStream(true).redirectOutput(output.toFile()).start();
    boolean finished = bench.waitFor(10, TimeUnit.MINUTES);
    String printed = Files.readString(output, StandardCharsets.UTF_8);
    if (!finished) {
      bench.destroyForcibly();
    }

    assertThat(finished).as(printed).isTrue();
    assertThat(bench.exitValue()).as(printed).isZero();
    assertThat(printed).contains("rows                      20000")
        .contains("release rows       20000 read = 20000 audited + 0 collapsed as duplicates")
        .containsPattern("ratio release +[0-9.]+ \\(qrelease / reference\\)");
  }
}

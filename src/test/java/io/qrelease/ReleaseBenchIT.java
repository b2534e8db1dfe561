package io.qrelease;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The benchmark, small: it generates, imports and releases 20,000 rows with a 256 MiB heap, beside
 * the JDBC reference when the reference is there. Only that it completes and its accounting
 * balances is asserted here; the timings of a shared build machine say nothing. A clone without the
 * reference beside it (any user's) runs qrelease's side alone, and the benchmark says so.
 */
class ReleaseBenchIT {

  @Test
  void theBenchmarkCompletesWithASmallHeapAndItsAccountingBalancesComparedWithTheReferenceWhenItIsThere()
      throws Exception {
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
        .contains("release rows       20,000 read = 20,000 audited + 0 collapsed as duplicates");
    if (Files.isRegularFile(reference())) {
      assertThat(printed).containsPattern("ratio release +[0-9.]+ \\(qrelease / reference\\)");
    } else {
      System.out.println("The JDBC reference " + reference() + " is not beside this clone: the benchmark ran"
          + " without the comparison.");
      assertThat(printed).contains("reference                 skipped").doesNotContain("ratio release");
    }
  }

  /** Where the benchmark looks for the reference, unless QRELEASE_REFERENCE names it. */
  private static Path reference() {
    String given = System.getenv("QRELEASE_REFERENCE");
    return given != null ? Path.of(given) : Path.of("..", "shared", "bench", "RawJdbcRelease.java");
  }
}

package io.qrelease;

import static org.assertj.core.api.Assertions.assertThat;

import io.qrelease.testing.Workbench;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jar as shipped starts every command from the application context the build prepared ahead
 * of time, instead of scanning and evaluating its configuration again.
 */
class PreparedContextIT {

  @TempDir
  Path folder;

  @Test
  void thePackagedJarStartsFromTheContextTheBuildPrepared() throws Exception {
    // given
    Path loaded = folder.resolve("loaded-classes.txt");
    Path output = folder.resolve("output.txt");
    new Workbench(folder).createEmptyStore();

    // when
    Process command = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xlog:class+load=info:file=" + loaded, "-jar", Path.of("target", "qrelease.jar").toAbsolutePath().toString(),
        "actions", "--db", "jdbc:hsqldb:file:" + folder.resolve("db/qrelease"))
        .redirectErrorStream(true).redirectOutput(output.toFile()).start();
    boolean finished = command.waitFor(2, TimeUnit.MINUTES);

    // then
    String printed = Files.readString(output, StandardCharsets.UTF_8);
    assertThat(finished).as(printed).isTrue();
    assertThat(command.exitValue()).as(printed).isZero();
    assertThat(Files.readString(loaded, StandardCharsets.UTF_8))
        .contains(QreleaseApplication.class.getName() + "__ApplicationContextInitializer")
        .doesNotContain("org.springframework.context.annotation.ClassPathBeanDefinitionScanner ");
  }
}

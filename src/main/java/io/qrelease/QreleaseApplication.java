package io.qrelease;

import org.springframework.aot.AotDetector;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.util.ClassUtils;

/**
 * The Spring context of the jobs and the store; the command line opens one per command.
 *
 * <p>The build prepares this context ahead of time (Spring AOT runs {@link #main} once and writes
 * the bean definitions it finds as code), so that a command need not scan and evaluate the
 * configuration again each time it starts: that took about 0.4 s of every command.
 */
@SpringBootApplication
public class QreleaseApplication {

  private static final String PREPARED = QreleaseApplication.class.getName() + "__ApplicationContextInitializer";

  /** Run by the build to prepare the context; commands open it through the command line. */
  public static void main(String[] args) {
    SpringApplication.run(QreleaseApplication.class, args);
  }

  /**
   * Has the contexts this process opens use what the build prepared. Classes compiled without the
   * packaging step (tests, an IDE) have nothing prepared and work the configuration out as usual.
   */
  public static void usePreparedContext() {
    if (ClassUtils.isPresent(PREPARED, QreleaseApplication.class.getClassLoader())) {
      System.setProperty(AotDetector.AOT_ENABLED, "true");
    }
  }
}

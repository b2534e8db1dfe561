package io.qrelease.app;

import io.qrelease.input.Column;
import io.qrelease.input.CsvInput;
import io.qrelease.input.ExportKind;
import io.qrelease.input.Header;
import io.qrelease.input.InputRefusedException;
import io.qrelease.jobs.RunParameters;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

/**
 * An input file read through once before a job starts: it exists, it has the columns, it parses
 * to its end (so a broken file is refused before anything changes rather than failing a run
 * half-way), its exact record count, and its content hash.
 */
public record InputFile(Path path, Header header, String sha256, long records) {

  public static InputFile check(Path path, Column... required) {
    return read(path, required, (input, sha256) -> {
      long records = 0;
      while (input.next() != null) {
        records++;
      }
      return new InputFile(path.toAbsolutePath().normalize(), input.header(), HexFormat.of().formatHex(sha256.digest()),
          records);
    });
  }

  /** A file of a header and no rows is more often a failed export than a selection of nothing. */
  public void refuseEmpty(String nothingTo) {
    if (records == 0) {
      throw new Refused(path + " has a header but no rows, so there is nothing to " + nothingTo
          + "; check that the export finished and holds what was selected.");
    }
  }

  /**
   * Refuses a quarantine export as the selection of a release, unless every copy in it is meant: it
   * lists everything in quarantine, Malware included, and given to release where import was meant,
   * it would release the whole quarantine. {@code otherwise} says how to mean it.
   */
  public static void refuseQuarantineExport(Path file, Header header, String otherwise) {
    if (ExportKind.of(header) == ExportKind.QUARANTINE_EXPORT) {
      throw new Refused(file + " is a quarantine export (Get-QuarantineMessage), which lists everything in"
          + " quarantine; load it with 'import', or " + otherwise + ".");
    }
  }

  /** Adds what identifies a run over this file: its path, its content and its row count. */
  public JobParametersBuilder addTo(JobParametersBuilder parameters) {
    return parameters
        .addString(RunParameters.INPUT, path.toString(), false)
        .addString(RunParameters.INPUT_SHA256, sha256)
        .addLong(RunParameters.INPUT_ROWS, records, false);
  }

  /**
   * Checks the file's header now and reads the rest on a thread of its own, while the command
   * opens the store: on a large file the whole read is as long as starting the application. A
   * file broken further down is refused when the run asks for the result, before its job starts.
   */
  public static Ahead checkAhead(Path path, Column... required) {
    Header header = read(path, required, (input, sha256) -> input.header());
    CompletableFuture<InputFile> whole = CompletableFuture.supplyAsync(() -> check(path, required), task -> {
      Thread reading = new Thread(task, "input-check");
      reading.setDaemon(true);
      reading.start();
    });
    return new Ahead(header, whole);
  }

  /** A file whose header has been checked and whose whole read is under way. */
  public record Ahead(Header header, CompletableFuture<InputFile> whole) {

    public InputFile await() {
      try {
        return whole.join();
      } catch (CompletionException e) {
        throw e.getCause() instanceof RuntimeException cause ? cause : e;
      }
    }
  }

  private interface Reading<T> {
    T from(CsvInput input, MessageDigest sha256) throws IOException;
  }

  private static <T> T read(Path path, Column[] required, Reading<T> reading) {
    if (!Files.isRegularFile(path)) {
      throw new Refused(path + " does not exist or is not a file; check the path.");
    }
    if (path.toAbsolutePath().normalize().toString().length() > RunParameters.MAX_LENGTH) {
      throw new Refused(String.format("The path of %s is longer than the %,d characters a run records; move the file"
          + " to a shorter path.", path.getFileName(), RunParameters.MAX_LENGTH));
    }
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      try (CsvInput input = CsvInput.open(new DigestInputStream(Files.newInputStream(path), sha256),
          path.toString())) {
        input.header().require(path.toString(), required);
        return reading.from(input, sha256);
      }
    } catch (InputRefusedException e) {
      throw new Refused(e.getMessage(), e);
    } catch (IOException e) {
      throw new Refused("Cannot read " + path + " (" + e.getMessage() + "); check that the file is readable.", e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}

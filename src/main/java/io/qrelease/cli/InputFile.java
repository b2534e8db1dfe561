package io.qrelease.cli;

import io.qrelease.input.Column;
import io.qrelease.input.CsvInput;
import io.qrelease.input.Header;
import io.qrelease.input.InputRefusedException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * An input file checked before a job starts: it exists, it has the columns, its content hash,
 * and its line count (an estimate of its rows, for progress).
 */
record InputFile(Path path, Header header, String sha256, long lines) {

  static InputFile check(Path path, Column... required) {
    if (!Files.isRegularFile(path)) {
      throw new Refusal(path + " does not exist or is not a file; check the path.");
    }
    try (CsvInput input = CsvInput.open(path)) {
      Header header = input.header();
      header.require(path.toString(), required);
      Digest digest = Digest.of(path);
      return new InputFile(path.toAbsolutePath().normalize(), header, digest.sha256(), Math.max(digest.lines() - 1, 0));
    } catch (InputRefusedException e) {
      throw new Refusal(e.getMessage(), e);
    } catch (IOException e) {
      throw new Refusal("Cannot read " + path + " (" + e.getMessage() + "); check that the file is readable.", e);
    }
  }

  /** The content hash and line count of a file, in one pass. */
  record Digest(String sha256, long lines) {

    static Digest of(Path path) throws IOException {
      try (InputStream in = Files.newInputStream(path)) {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        byte[] buffer = new byte[1 << 16];
        long lines = 0;
        for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
          digest.update(buffer, 0, read);
          for (int i = 0; i < read; i++) {
            if (buffer[i] == '\n') {
              lines++;
            }
          }
        }
        return new Digest(HexFormat.of().formatHex(digest.digest()), lines);
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
      }
    }
  }
}

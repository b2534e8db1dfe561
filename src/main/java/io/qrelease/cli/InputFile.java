package io.qrelease.cli;

import io.qrelease.input.Column;
import io.qrelease.input.CsvInput;
import io.qrelease.input.Header;
import io.qrelease.input.InputRefusedException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * An input file read through once before a job starts: it exists, it has the columns, it parses
 * to its end (so a broken file is refused before anything changes rather than failing a run
 * half-way), its exact record count, and its content hash.
 */
record InputFile(Path path, Header header, String sha256, long records) {

  static InputFile check(Path path, Column... required) {
    if (!Files.isRegularFile(path)) {
      throw new Refusal(path + " does not exist or is not a file; check the path.");
    }
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      try (CsvInput input = CsvInput.open(new DigestInputStream(Files.newInputStream(path), sha256),
          path.toString())) {
        Header header = input.header();
        header.require(path.toString(), required);
        long records = 0;
        while (input.next() != null) {
          records++;
        }
        return new InputFile(path.toAbsolutePath().normalize(), header, HexFormat.of().formatHex(sha256.digest()),
            records);
      }
    } catch (InputRefusedException e) {
      throw new Refusal(e.getMessage(), e);
    } catch (IOException e) {
      throw new Refusal("Cannot read " + path + " (" + e.getMessage() + "); check that the file is readable.", e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}

package io.qrelease.schedule;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.attribute.FileTime;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** The files an input job's input names: one file, or a glob such as exports/hunting-*.csv, oldest first. */
public final class InputGlob {

  private InputGlob() {
  }

  public static List<Path> matching(String input) {
    Path pattern = Path.of(input);
    Path base = pattern.getRoot();
    int fixed = 0;
    while (fixed < pattern.getNameCount() - 1 && !wild(pattern.getName(fixed).toString())) {
      base = base == null ? pattern.getName(fixed) : base.resolve(pattern.getName(fixed));
      fixed++;
    }
    Path folder = base == null ? Path.of("") : base;
    Path rest = pattern.subpath(fixed, pattern.getNameCount());
    if (!wild(rest.toString())) {
      return Files.isRegularFile(pattern) ? List.of(pattern) : List.of();
    }
    if (!Files.isDirectory(folder.toAbsolutePath())) {
      return List.of();
    }
    PathMatcher matcher = folder.getFileSystem().getPathMatcher("glob:" + rest);
    int depth = rest.toString().contains("**") ? Integer.MAX_VALUE : rest.getNameCount();
    try (Stream<Path> files = Files.walk(folder.toAbsolutePath(), depth)) {
      return files.filter(Files::isRegularFile)
          .filter(file -> matcher.matches(folder.toAbsolutePath().relativize(file)))
          .map(file -> folder.resolve(folder.toAbsolutePath().relativize(file)))
          .sorted(Comparator.comparing(InputGlob::modified).thenComparing(Path::toString))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + folder.toAbsolutePath(), e);
    }
  }

  private static boolean wild(String text) {
    return text.chars().anyMatch(c -> c == '*' || c == '?' || c == '[' || c == '{');
  }

  private static FileTime modified(Path file) {
    try {
      return Files.getLastModifiedTime(file);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the modification time of " + file, e);
    }
  }
}

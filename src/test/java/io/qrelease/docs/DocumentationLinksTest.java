package io.qrelease.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The README and the guides under docs/ link to each other's files and sections: every relative
 * link must lead to a file that exists and, with a #fragment, to a heading of it, as GitHub names
 * its headings' anchors.
 */
class DocumentationLinksTest {

  private static final Pattern LINK = Pattern.compile("\\[[^\\]]*\\]\\(([^)\\s]+)\\)");
  private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.*)$");

  @Test
  void everyRelativeLinkOfTheReadmeAndTheGuidesLeadsToAFileAndHeadingThatExist() {
    List<String> broken = new ArrayList<>();
    List<Path> pages = pages();

    for (Path page : pages) {
      for (String target : links(page)) {
        if (target.matches("[a-z]+:.*")) {
          continue;
        }
        int hash = target.indexOf('#');
        Path file = hash == 0 ? page : page.resolveSibling(hash < 0 ? target : target.substring(0, hash)).normalize();
        if (!Files.exists(file)) {
          broken.add(page + ": " + target + " (no such file)");
        } else if (hash >= 0 && !anchors(file).contains(target.substring(hash + 1))) {
          broken.add(page + ": " + target + " (no such heading in " + file + ")");
        }
      }
    }

    assertThat(pages).contains(Path.of("README.md"), Path.of("docs/commands.md"));
    assertThat(broken).isEmpty();
  }

  @Test
  void theReadmeStaysShortEnoughToReadToTheEnd() throws IOException {
    assertThat(Files.readAllLines(Path.of("README.md"))).hasSizeLessThan(300);
  }

  private static List<Path> pages() {
    try (Stream<Path> docs = Files.list(Path.of("docs"))) {
      return Stream.concat(Stream.of(Path.of("README.md")),
          docs.filter(file -> file.toString().endsWith(".md")).sorted()).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The link targets of a page, outside its code blocks and code spans. */
  private static List<String> links(Path page) {
    List<String> targets = new ArrayList<>();
    boolean code = false;
    for (String line : lines(page)) {
      if (line.startsWith("```")) {
        code = !code;
        continue;
      }
      if (!code) {
        Matcher link = LINK.matcher(line.replaceAll("`[^`]*`", ""));
        while (link.find()) {
          targets.add(link.group(1));
        }
      }
    }
    return targets;
  }

  /** GitHub's anchor for each heading: lower case, punctuation but hyphens and underscores dropped, spaces as hyphens. */
  private static Set<String> anchors(Path page) {
    Set<String> anchors = new HashSet<>();
    boolean code = false;
    for (String line : lines(page)) {
      if (line.startsWith("```")) {
        code = !code;
      } else if (!code) {
        Matcher heading = HEADING.matcher(line);
        if (heading.matches()) {
          anchors.add(heading.group(1).trim().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "")
              .replace(' ', '-'));
        }
      }
    }
    return anchors;
  }

  private static List<String> lines(Path page) {
    try {
      return Files.readAllLines(page);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

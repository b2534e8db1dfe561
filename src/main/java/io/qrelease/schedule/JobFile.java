package io.qrelease.schedule;

import io.qrelease.domain.ActionType;
import io.qrelease.domain.EntityKey;
import io.qrelease.domain.Location;
import io.qrelease.domain.Operator;
import io.qrelease.domain.ReleaseTarget;
import io.qrelease.domain.Role;
import io.qrelease.domain.RowCount;
import io.qrelease.domain.RuleFilter;
import io.qrelease.domain.TimeSpan;
import io.qrelease.input.Cells;
import io.qrelease.jobs.release.RuleParameter;
import io.qrelease.tenant.Tenant;
import io.qrelease.tenant.YamlProblem;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a job file with the line of every value, so that each problem is reported where it is.
 * It reads YAML as nodes and never constructs objects from it, so a job file cannot instantiate
 * classes. Every problem is collected, not just the first, so that one validate shows them all.
 */
public final class JobFile {

  /** One thing wrong with a job file, at a line (1-based). */
  public record Problem(int line, String message) {
    public String describe(Path file) {
      return file + ":" + line + ": " + message;
    }
  }

  static final Set<String> KEYS = Set.of("name", "description", "operator", "action", "releaseTo", "schedule",
      "maxRows", "dryRun", "input", "rule");
  static final Set<String> RULE_KEYS = Set.of("locations", "quarantineTypes", "senderAddresses", "senderDomains",
      "recipients", "subjectContains", "receivedWithin");
  /** What Spring Batch can store of one job parameter. */
  private static final int MAX_PARAMETER_LENGTH = 2500;
  private static final Pattern DOMAIN = Pattern.compile("[a-z0-9-]+(\\.[a-z0-9-]+)+");

  private final Path file;
  private final List<Problem> problems = new ArrayList<>();

  private JobFile(Path file) {
    this.file = file;
  }

  /** The job file's definition, checked against the tenant; refused with every problem found. */
  public static JobDefinition load(Path file, Tenant tenant, boolean dryRunGiven) {
    JobFile reading = new JobFile(file);
    JobDefinition definition = reading.read(tenant, dryRunGiven);
    if (!reading.problems.isEmpty()) {
      throw new JobFileException(file, reading.sortedProblems());
    }
    return definition;
  }

  /** Every problem of the job file, in line order; none for a file that runs. */
  public static List<Problem> check(Path file, Tenant tenant) {
    JobFile reading = new JobFile(file);
    reading.read(tenant, false);
    return reading.sortedProblems();
  }

  /**
   * Whether the file is a tenant file, whatever its name or folder: its top level has a tenant
   * file's keys and none of a job file's, so that a job file with a misspelt key is still a job file.
   */
  public static boolean isTenantFile(Path file) {
    return new JobFile(file).compose() instanceof MappingNode root && isTenantFile(root);
  }

  private static boolean isTenantFile(MappingNode root) {
    Set<String> keys = root.getValue().stream().map(NodeTuple::getKeyNode).filter(ScalarNode.class::isInstance)
        .map(key -> ((ScalarNode) key).getValue()).collect(Collectors.toSet());
    return keys.stream().anyMatch(Tenant.KEYS::contains) && keys.stream().noneMatch(KEYS::contains);
  }

  private List<Problem> sortedProblems() {
    return problems.stream().sorted(Comparator.comparingInt(Problem::line)).toList();
  }

  private JobDefinition read(Tenant tenant, boolean dryRunGiven) {
    Node root = compose();
    if (root == null) {
      return null;
    }
    if (!(root instanceof MappingNode mapping)) {
      problem(root, "a job file is a mapping of keys such as name, operator, schedule and input or rule;"
          + " see the examples in the README.");
      return null;
    }
    if (isTenantFile(mapping)) {
      problem(root, "this is a tenant file, not a job file; name a job file here, and the tenant file with"
          + " --tenant FILE.");
      return null;
    }
    Map<String, NodeTuple> keys = keys(mapping, KEYS, "a job file");
    String operator = text(keys, "operator", "the address of the operator the job acts as", EntityKey::isAddress)
        .map(EntityKey::normalize).orElse(null);
    if (!keys.containsKey("operator")) {
      problem(root, "operator is missing; name the operator the job acts as, as listed in the tenant file.");
    }
    ActionType action = value(keys, "action", text -> ActionType.fromOption(text)).orElse(ActionType.MoveToInbox);
    ReleaseTarget releaseTo = value(keys, "releaseTo", ReleaseTarget::parse).orElse(new ReleaseTarget.RowRecipient());
    CronSchedule schedule = value(keys, "schedule", CronSchedule::parse).orElse(null);
    long maxRows = value(keys, "maxRows", RowCount::parse).orElse(JobDefinition.DEFAULT_MAX_ROWS);
    boolean dryRun = value(keys, "dryRun", JobFile::bool).orElse(false);
    String name = text(keys, "name", "a name", text -> !text.isBlank() && text.length() <= 256)
        .orElse(file.getFileName().toString().replaceFirst("\\.ya?ml$", ""));
    String description = text(keys, "description", "text", text -> true).orElse(null);
    String input = text(keys, "input", "a file or a glob such as exports/hunting-*.csv", text -> !text.isBlank())
        .orElse(null);
    RuleFilter rule = keys.containsKey("rule") ? rule(keys.get("rule").getValueNode(), action) : null;
    if (keys.containsKey("input") == keys.containsKey("rule")) {
      problem(root, "a job has either input (files to release) or rule (a filter over the store), and this one has "
          + (keys.containsKey("input") ? "both" : "neither") + "; keep exactly one.");
    }
    if (operator != null) {
      checkOperator(keys.get("operator").getValueNode(), tenant, operator, dryRun || dryRunGiven);
    }
    return new JobDefinition(file, name.trim(), description, operator, action, releaseTo, schedule, maxRows, dryRun,
        input, rule);
  }

  private Node compose() {
    String text;
    try {
      text = Files.readString(file);
    } catch (NoSuchFileException e) {
      problems.add(new Problem(1, "no such file; check the path (job files live in jobs/)."));
      return null;
    } catch (IOException e) {
      problems.add(new Problem(1, "cannot be read as UTF-8 text (" + e.getMessage() + "); check the file."));
      return null;
    }
    try {
      Node root = new Yaml(new SafeConstructor(new LoaderOptions())).compose(new StringReader(text));
      if (root == null) {
        problems.add(new Problem(1, "the file is empty; write the job's keys in it, as the README shows."));
      }
      return root;
    } catch (YAMLException e) {
      YamlProblem problem = YamlProblem.of(e, text);
      problems.add(new Problem(problem.line(), problem.message()));
      return null;
    }
  }

  /** The keys of a mapping; an unknown or repeated key is a problem, since it would be ignored without a word. */
  private Map<String, NodeTuple> keys(MappingNode mapping, Set<String> known, String where) {
    Map<String, NodeTuple> keys = new LinkedHashMap<>();
    Map<String, String> byLowerCase = new HashMap<>();
    known.forEach(key -> byLowerCase.put(key.toLowerCase(Locale.ROOT), key));
    for (NodeTuple tuple : mapping.getValue()) {
      String key = tuple.getKeyNode() instanceof ScalarNode scalar ? scalar.getValue() : String.valueOf(tuple.getKeyNode());
      if (!known.contains(key)) {
        String suggestion = byLowerCase.containsKey(key.toLowerCase(Locale.ROOT))
            ? "did you mean " + byLowerCase.get(key.toLowerCase(Locale.ROOT)) + "?"
            : "the keys of " + where + " are " + known.stream().sorted().collect(Collectors.joining(", ")) + ".";
        problem(tuple.getKeyNode(), "unknown key '" + key + "'; " + suggestion);
      } else if (keys.putIfAbsent(key, tuple) != null) {
        problem(tuple.getKeyNode(), key + " is given twice; keep one.");
      }
    }
    return keys;
  }

  private Optional<String> text(Map<String, NodeTuple> keys, String key, String expected,
      Predicate<String> valid) {
    return value(keys, key, text -> {
      if (!valid.test(text)) {
        throw new IllegalArgumentException("'" + text + "' is not " + expected);
      }
      return text.trim();
    });
  }

  /** The key's scalar value parsed; a problem at its line when it is missing, not a plain value, or unreadable. */
  private <T> Optional<T> value(Map<String, NodeTuple> keys, String key, Function<String, T> parse) {
    NodeTuple tuple = keys.get(key);
    if (tuple == null) {
      return Optional.empty();
    }
    return scalar(tuple.getValueNode(), key).flatMap(text -> parsed(tuple.getValueNode(), key, text, parse));
  }

  private <T> Optional<T> parsed(Node node, String key, String text, Function<String, T> parse) {
    try {
      return Optional.of(parse.apply(text));
    } catch (IllegalArgumentException e) {
      problem(node, key + ": " + sentence(e.getMessage()));
      return Optional.empty();
    }
  }

  private Optional<String> scalar(Node node, String key) {
    if (node instanceof ScalarNode scalar && !scalar.getValue().isBlank()) {
      return Optional.of(scalar.getValue());
    }
    problem(node, key + " needs a plain value; write it on the same line, e.g. " + key + ": VALUE.");
    return Optional.empty();
  }

  private RuleFilter rule(Node node, ActionType action) {
    if (!(node instanceof MappingNode mapping)) {
      problem(node, "the rule's filter is empty and would select every copy in the store; give it keys such as"
          + " quarantineTypes, senderDomains, recipients or subjectContains.");
      return null;
    }
    int problemsBefore = problems.size();
    Map<String, NodeTuple> keys = keys(mapping, RULE_KEYS, "a rule");
    RuleFilter filter = new RuleFilter(
        list(keys, "locations", Cells::location),
        list(keys, "quarantineTypes", Cells::quarantineType),
        list(keys, "senderAddresses", text -> matching(text, EntityKey.isAddress(text), "an address")),
        list(keys, "senderDomains", text -> matching(text, DOMAIN.matcher(text).matches(), "a domain such as contoso.com")),
        list(keys, "recipients", text -> matching(text, EntityKey.isAddress(text) || DOMAIN.matcher(text).matches(),
            "an address or a domain")),
        list(keys, "subjectContains", text -> text.toLowerCase(Locale.ROOT)),
        value(keys, "receivedWithin", TimeSpan::parse).orElse(null));
    // A misspelt key or value leaves the filter short of what was meant; saying so once is enough.
    if (!filter.namesWhat() && problems.size() == problemsBefore) {
      problem(node, "the rule's filter names no senders, recipients, subjects or quarantine types, so it would select"
          + " every copy " + (filter.locations().isEmpty() ? "the action can act on" : "in its locations")
          + "; add at least one of quarantineTypes, senderAddresses, senderDomains, recipients or subjectContains.");
    }
    filter.locations().stream().filter(location -> location.undeliverable() || location == Location.Inbox
        || (action == ActionType.Release && location != Location.Quarantine)).findFirst()
        .ifPresent(location -> problem(keys.get("locations").getValueNode(), "locations: the " + action.option()
            + " action cannot act on copies in " + location + "; list only locations it can act on."));
    int length = RuleParameter.of(filter).length();
    if (length > MAX_PARAMETER_LENGTH) {
      problem(node, "the rule's filter is too long to record with its runs (" + length + " characters, at most "
          + MAX_PARAMETER_LENGTH + "); split it into several rules.");
    }
    return filter;
  }

  /** A list of values, or one value written on its own; each entry parsed and checked at its line. */
  private <T> List<T> list(Map<String, NodeTuple> keys, String key, Function<String, T> parse) {
    NodeTuple tuple = keys.get(key);
    if (tuple == null) {
      return List.of();
    }
    Node node = tuple.getValueNode();
    List<Node> entries = node instanceof SequenceNode sequence ? sequence.getValue() : List.of(node);
    List<T> values = new ArrayList<>();
    for (Node entry : entries) {
      scalar(entry, key).flatMap(text -> parsed(entry, key, text.trim(), parse)).ifPresent(value -> {
        if (!values.contains(value)) {
          values.add(value);
        }
      });
    }
    if (values.isEmpty() && entries.isEmpty()) {
      problem(node, key + " is an empty list; list at least one value or leave the key out.");
    }
    return values;
  }

  private void checkOperator(Node node, Tenant tenant, String upn, boolean dryRun) {
    Optional<Operator> operator = tenant.operator(upn);
    if (operator.isEmpty()) {
      problem(node, "operator " + upn + " is not in the tenant file; add them there or name another operator.");
    } else if (operator.get().role() == Role.SecurityReader && !dryRun) {
      problem(node, "operator " + upn + " is a SecurityReader and may only preview; add dryRun: true, or name a"
          + " SecurityOperator or SecurityAdministrator.");
    }
  }

  private static String matching(String text, boolean valid, String expected) {
    if (!valid) {
      throw new IllegalArgumentException("'" + text + "' is not " + expected);
    }
    return EntityKey.normalize(text);
  }


  private static boolean bool(String text) {
    if (!text.trim().equalsIgnoreCase("true") && !text.trim().equalsIgnoreCase("false")) {
      throw new IllegalArgumentException("'" + text + "' is not true or false");
    }
    return Boolean.parseBoolean(text.trim());
  }

  /** Parsers' messages name the value; a job file's reader also needs to be told what to do. */
  private static String sentence(String message) {
    String trimmed = message.endsWith(".") ? message.substring(0, message.length() - 1) : message;
    return trimmed.contains(";") || trimmed.contains(": use ") ? trimmed + "." : trimmed + "; correct the value.";
  }

  private void problem(Node node, String message) {
    problems.add(new Problem(node.getStartMark().getLine() + 1, message));
  }
}

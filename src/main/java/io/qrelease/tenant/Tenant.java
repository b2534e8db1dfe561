package io.qrelease.tenant;

import io.qrelease.domain.EntityKey;
import io.qrelease.domain.Operator;
import io.qrelease.domain.Role;
import io.qrelease.domain.Scope;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * The tenant's accepted domains, the operators allowed to act on its mail, and how to reach it in
 * Microsoft 365 if qrelease is to act there rather than on its own store only, read from the tenant
 * file.
 */
public record Tenant(List<String> acceptedDomains, List<Operator> operators, Optional<Microsoft365> microsoft365) {

  private static final Pattern DOMAIN = Pattern.compile("[a-z0-9-]+(\\.[a-z0-9-]+)+");
  /** The keys at the top of a tenant file, which tell it from a job file. */
  public static final Set<String> KEYS = Set.of("acceptedDomains", "operators", Microsoft365.KEY);
  private static final Set<String> OPERATOR_KEYS = Set.of("upn", "role", "scope");

  public Tenant {
    acceptedDomains = List.copyOf(acceptedDomains);
    operators = List.copyOf(operators);
  }

  /** A tenant that qrelease acts for on its own store only. */
  public Tenant(List<String> acceptedDomains, List<Operator> operators) {
    this(acceptedDomains, operators, Optional.empty());
  }

  public Optional<Operator> operator(String upn) {
    String wanted = EntityKey.normalize(upn);
    return operators.stream().filter(operator -> operator.upn().equals(wanted)).findFirst();
  }

  /**
   * The scope domains that are neither accepted domains nor subdomains of one. Such a domain is
   * most likely misspelt, and then the scope covers no recipient there without a word. Scope
   * addresses are not checked: a partner's mailbox (ceo@fabrikam.com) is a legitimate entry.
   * Without accepted domains there is nothing to check against.
   */
  public List<String> warnings() {
    if (acceptedDomains.isEmpty()) {
      return List.of();
    }
    List<String> warnings = new ArrayList<>();
    for (Operator operator : operators) {
      operator.scope().entries().stream().filter(entry -> DOMAIN.matcher(entry).matches() && !accepts(entry))
          .forEach(domain -> warnings.add(operator.upn() + "'s scope names " + domain + ", which is not one of the"
              + " accepted domains (" + String.join(", ", acceptedDomains) + "); check its spelling."));
    }
    return warnings;
  }

  private boolean accepts(String domain) {
    return acceptedDomains.stream().anyMatch(accepted -> domain.equals(accepted) || domain.endsWith("." + accepted));
  }

  public static Tenant load(Path file) {
    Object document = parse(file);
    if (document == null) {
      throw new TenantFileException(file + ": the file is empty; list acceptedDomains and operators in it.");
    }
    if (!(document instanceof Map<?, ?> root)) {
      throw new TenantFileException(file + ": expected a mapping with acceptedDomains and operators at the top level.");
    }
    refuseUnknownKeys(file, root, KEYS, "at the top level");
    Object connection = root.get(Microsoft365.KEY);
    return new Tenant(acceptedDomains(file, root.get("acceptedDomains")), operators(file, root.get("operators")),
        connection == null ? Optional.empty() : Optional.of(Microsoft365.of(file, connection)));
  }

  private static Object parse(Path file) {
    String text;
    try {
      text = Files.readString(file);
    } catch (NoSuchFileException e) {
      throw new TenantFileException(file + ": no such file; create it or name another one with --tenant FILE.", e);
    } catch (IOException e) {
      throw new TenantFileException(file + ": cannot be read as UTF-8 text (" + e + "); check the path and permissions.", e);
    }
    // SafeConstructor builds only maps, lists and scalars, so the file cannot instantiate arbitrary classes.
    Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
    try {
      return yaml.load(text);
    } catch (YAMLException e) {
      YamlProblem problem = YamlProblem.of(e, text);
      throw new TenantFileException(file + ":" + problem.line() + ": " + problem.message(), e);
    }
  }

  private static List<String> acceptedDomains(Path file, Object value) {
    if (value == null) {
      return List.of();
    }
    List<String> domains = new ArrayList<>();
    for (Object entry : list(file, value, "acceptedDomains")) {
      String domain = EntityKey.normalize(scalar(file, entry, "acceptedDomains"));
      if (!isDomain(domain)) {
        throw new TenantFileException(file + ": acceptedDomains has '" + entry + "', which is not a domain; list domains such as contoso.com.");
      }
      domains.add(domain);
    }
    return domains;
  }

  private static List<Operator> operators(Path file, Object value) {
    List<?> entries = value == null ? List.of() : list(file, value, "operators");
    if (entries.isEmpty()) {
      throw new TenantFileException(file + ": no operators; add at least one under operators with upn, role and scope.");
    }
    List<Operator> operators = new ArrayList<>();
    Set<String> upns = new HashSet<>();
    for (int i = 0; i < entries.size(); i++) {
      Operator operator = operator(file, entries.get(i), i + 1);
      if (!upns.add(operator.upn())) {
        throw new TenantFileException(file + ": operator " + operator.upn() + " is listed twice; keep one entry per upn.");
      }
      operators.add(operator);
    }
    return operators;
  }

  private static Operator operator(Path file, Object entry, int position) {
    if (!(entry instanceof Map<?, ?> fields)) {
      throw new TenantFileException(file + ": operator #" + position + " is not a mapping; give it upn, role and scope.");
    }
    String upn = EntityKey.normalize(fields.get("upn") == null ? null : scalar(file, fields.get("upn"), "upn"));
    if (upn.isEmpty()) {
      throw new TenantFileException(file + ": operator #" + position + " has no upn; add the address the operator signs in with.");
    }
    if (!EntityKey.isAddress(upn)) {
      throw new TenantFileException(file + ": operator #" + position + " has upn '" + upn + "', which is not an address; use the address the operator signs in with.");
    }
    String name = "operator " + upn;
    refuseUnknownKeys(file, fields, OPERATOR_KEYS, "in " + name);
    return new Operator(upn, role(file, name, fields.get("role")), scope(file, name, fields.get("scope")));
  }

  private static Role role(Path file, String name, Object value) {
    String role = value == null ? "" : scalar(file, value, name + "'s role").trim();
    return Arrays.stream(Role.values()).filter(candidate -> candidate.name().equalsIgnoreCase(role)).findFirst()
        .orElseThrow(() -> new TenantFileException(file + ": " + name
            + (role.isEmpty() ? " has no role" : " has role '" + role + "'") + "; use " + validRoles() + "."));
  }

  private static String validRoles() {
    List<String> names = Arrays.stream(Role.values()).map(Role::name).toList();
    return String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
  }

  private static Scope scope(Path file, String name, Object value) {
    // A lone string is what people write for a single entry, and it can only mean that entry.
    List<?> entries = value == null ? List.of() : value instanceof String single ? List.of(single) : list(file, value, name + "'s scope");
    List<String> scope = new ArrayList<>();
    for (Object entry : entries) {
      String text = EntityKey.normalize(scalar(file, entry, name + "'s scope"));
      // Anything else, such as *.contoso.com, would silently cover nobody.
      if (!text.equals("*") && !DOMAIN.matcher(text).matches() && !EntityKey.isAddress(text)) {
        throw new TenantFileException(file + ": " + name + " has scope entry '" + entry
            + "'; use \"*\", a recipient domain such as contoso.com (which does not cover its subdomains) or an address.");
      }
      scope.add(text);
    }
    if (scope.isEmpty()) {
      throw new TenantFileException(file + ": " + name + " has an empty scope; list \"*\", recipient domains or addresses.");
    }
    return new Scope(scope);
  }

  static boolean isDomain(String text) {
    return DOMAIN.matcher(text).matches();
  }

  /** A misspelt key (scopes, acceptedDomain) would otherwise be dropped without a word. */
  static void refuseUnknownKeys(Path file, Map<?, ?> map, Set<String> known, String where) {
    for (Object key : map.keySet()) {
      if (!known.contains(String.valueOf(key))) {
        throw new TenantFileException(file + ": unknown key '" + key + "' " + where + "; the keys there are "
            + known.stream().sorted().collect(Collectors.joining(", ")) + ".");
      }
    }
  }

  private static List<?> list(Path file, Object value, String what) {
    if (!(value instanceof List<?> list)) {
      throw new TenantFileException(file + ": " + what + " is not a list; write it as [a, b] or one '- ' line per entry.");
    }
    return list;
  }

  static String scalar(Path file, Object value, String what) {
    if (value == null || value instanceof Map || value instanceof List) {
      throw new TenantFileException(file + ": " + what + " has an entry that is not a plain value; write it as text.");
    }
    return value.toString();
  }
}

package io.qrelease.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Recipients and scopes drawn from a tenant's domains and the domains that only look like them: a parent domain's
 * subdomain, a suffix that embeds it, a prefix glued to it, another case. A scope that leaks would cover one of them.
 */
public final class LookAlikes {

  public static final List<String> DOMAINS = List.of("contoso.com", "eu.contoso.com", "fabrikam.com",
      "contoso.com.evil.example", "evilcontoso.com", "contoso.co", "mail.fabrikam.com");
  private static final List<String> PEOPLE = List.of("alice", "bob", "ceo", "erin", "frank", "contoso.com");

  private LookAlikes() {
  }

  public static String domain(Random random) {
    return DOMAINS.get(random.nextInt(DOMAINS.size()));
  }

  /** An address in one of the domains, sometimes in upper or mixed case as exports and people write them. */
  public static String address(Random random) {
    String address = PEOPLE.get(random.nextInt(PEOPLE.size())) + "@" + domain(random);
    return switch (random.nextInt(4)) {
      case 0 -> address.toUpperCase(Locale.ROOT);
      case 1 -> Character.toUpperCase(address.charAt(0)) + address.substring(1);
      default -> address;
    };
  }

  /** One to three scope entries: "*" now and then, else domains and addresses. */
  public static List<String> scope(Random random) {
    if (random.nextInt(8) == 0) {
      return List.of("*");
    }
    List<String> scope = new ArrayList<>();
    for (int entries = 1 + random.nextInt(3); entries > 0; entries--) {
      scope.add(random.nextBoolean() ? domain(random) : address(random));
    }
    return scope;
  }

  public static String role(Random random) {
    return random.nextBoolean() ? "SecurityAdministrator" : "SecurityOperator";
  }

  /** A seed from -Dqrelease.seed to replay a failure, else a new one. */
  public static long seed() {
    String given = System.getProperty("qrelease.seed");
    return given != null ? Long.parseLong(given) : new Random().nextLong();
  }
}

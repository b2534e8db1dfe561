package io.qrelease.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.qrelease.testing.CommandRun;
import io.qrelease.testing.Entitlement;
import io.qrelease.testing.LookAlikes;
import io.qrelease.testing.Workbench;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scope end to end: a store of a few hundred copies over a tenant's domains and their look-alikes, a generated tenant
 * file, and releases by random operators with random release targets. Whatever the draw, the tables show no copy
 * released for a recipient outside the releasing operator's scope and no admin-only copy released by a
 * SecurityOperator. The seed is printed with any failure; replay it with -Dqrelease.seed=SEED.
 */
class ScopeFunctionalTest {

  private static final String FIRST_OPERATOR = "operator1@contoso.com";
  private static final int MESSAGES = 150;
  private static final int RELEASES = 4;
  private static final int ROWS_PER_RELEASE = 80;
  private static final String[] TYPES = {"Spam", "Bulk", "Phish", "HighConfPhish", "Malware", "SPOMalware",
      "TransportRule", "FileTypeBlock", "DataLossPrevention"};

  @TempDir
  Path folder;

  @Test
  void noReleaseByAnyOperatorReachesACopyOutsideTheirScopeOrAnAdminOnlyCopyForASecurityOperator() {
    // given
    long seed = LookAlikes.seed();
    Random random = new Random(seed);
    Workbench bench = new Workbench(folder);
    Map<String, Entitlement> operators = tenant(random, bench);
    Map<String, List<String>> recipients = quarantine(random, bench);
    String context = "seed " + seed;

    // when
    for (int release = 0; release < RELEASES; release++) {
      // The first release is the first operator's, whose scope leaves some recipients out: had
      // every release been an operator's who may act for everyone, no scope would have been tested.
      String operator = release == 0 ? FIRST_OPERATOR
          : List.copyOf(operators.keySet()).get(random.nextInt(operators.size()));
      Path selection = bench.write("selection-" + release + ".csv", selection(random, recipients));
      // The first release goes to the rows' own recipients: had every release named addresses that
      // are no original recipient in the operator's scope, nothing would be released to check.
      CommandRun run = bench.run("release", selection.toString(), "--operator", operator,
          "--release-to", release == 0 ? "row" : releaseTo(random, recipients), "--action", random.nextBoolean() ? "release" : "move-to-inbox");
      assertThat(run.exitCode()).as(context + "\n" + run).isZero();
    }

    // then
    List<Map<String, Object>> released = bench.query("SELECT recipient, quarantine_type, released_by FROM mail_copy"
        + " WHERE released_by IS NOT NULL");
    List<Map<String, Object>> successes = bench.query("SELECT a.recipient, c.quarantine_type, e.operator"
        + " FROM action_audit a JOIN email_action e ON e.action_id = a.action_id"
        + " JOIN mail_copy c ON c.network_message_id = a.network_message_id AND c.recipient = a.recipient"
        + " WHERE a.result = 'Success'");
    assertThat(released).as(context).isNotEmpty().allSatisfy(copy -> assertThat(operators.get(copy.get("released_by"))
        .mayRelease((String) copy.get("recipient"), (String) copy.get("quarantine_type"))).as(context + ": " + copy).isTrue());
    assertThat(successes).as(context).hasSameSizeAs(released).allSatisfy(audit -> assertThat(operators.get(audit.get("operator"))
        .mayRelease((String) audit.get("recipient"), (String) audit.get("quarantine_type"))).as(context + ": " + audit).isTrue());
    assertThat(bench.count("SELECT COUNT(*) FROM action_audit WHERE reason = 'OutOfScope'")).as(context).isPositive();
  }

  /** Several operators with random roles and scopes over the tenant's domains and their look-alikes. */
  private static Map<String, Entitlement> tenant(Random random, Workbench bench) {
    Map<String, Entitlement> operators = new LinkedHashMap<>();
    StringBuilder yaml = new StringBuilder("acceptedDomains: [contoso.com]\noperators:\n");
    for (int i = 1; i <= 5; i++) {
      String upn = "operator" + i + "@contoso.com";
      // A domain in every scope makes each release reach some copies, so that the test cannot pass by releasing none.
      List<String> scope = new ArrayList<>(LookAlikes.scope(random));
      scope.add(LookAlikes.domain(random));
      if (upn.equals(FIRST_OPERATOR)) {
        scope.remove("*");
      }
      Entitlement entitlement = new Entitlement(LookAlikes.role(random), scope);
      operators.put(upn, entitlement);
      yaml.append("  - upn: ").append(upn).append("\n    role: ").append(entitlement.role()).append("\n    scope: [")
          .append(entitlement.scope().stream().map(entry -> "\"" + entry + "\"").collect(Collectors.joining(", ")))
          .append("]\n");
    }
    bench.write("tenant.yml", yaml.toString());
    return operators;
  }

  /** Imports a quarantine of one to three copies per message, of every type; returns each message's recipients. */
  private static Map<String, List<String>> quarantine(Random random, Workbench bench) {
    Map<String, List<String>> recipients = new LinkedHashMap<>();
    StringBuilder export = new StringBuilder("Identity,RecipientAddress,SenderAddress,Subject,QuarantineTypes,ReleaseStatus,Expires\n");
    for (int i = 0; i < MESSAGES; i++) {
      String message = new UUID(random.nextLong(), i).toString();
      List<String> to = new ArrayList<>();
      for (int copies = 1 + random.nextInt(3); copies > 0; copies--) {
        String address = LookAlikes.address(random);
        if (to.stream().noneMatch(address::equalsIgnoreCase)) {
          to.add(address);
        }
      }
      recipients.put(message, to);
      export.append(message).append("\\").append(new UUID(0, i)).append(',').append(String.join(";", to))
          .append(",sender@partner.example,Subject ").append(i).append(',').append(TYPES[random.nextInt(TYPES.length)])
          .append(random.nextInt(10) == 0 ? ",RELEASED," : ",NOTRELEASED,")
          .append(random.nextInt(10) == 0 ? "2020-01-01T00:00:00Z" : "2099-01-01T00:00:00Z").append('\n');
    }
    CommandRun imported = bench.run("import", bench.write("quarantine.csv", export.toString()).toString());
    assertThat(imported.exitCode()).as(imported.toString()).isZero();
    return recipients;
  }

  /** Rows naming every recipient (blank), one of the message's recipients, or a look-alike it was not sent to. */
  private static String selection(Random random, Map<String, List<String>> recipients) {
    List<String> messages = List.copyOf(recipients.keySet());
    StringBuilder rows = new StringBuilder("NetworkMessageId,RecipientEmailAddress\n");
    for (int row = 0; row < ROWS_PER_RELEASE; row++) {
      String message = messages.get(random.nextInt(messages.size()));
      List<String> to = recipients.get(message);
      String recipient = switch (random.nextInt(3)) {
        case 0 -> "";
        case 1 -> to.get(random.nextInt(to.size()));
        default -> LookAlikes.address(random);
      };
      rows.append(message).append(',').append(recipient).append('\n');
    }
    return rows.toString();
  }

  private static String releaseTo(Random random, Map<String, List<String>> recipients) {
    return switch (random.nextInt(3)) {
      case 0 -> "row";
      case 1 -> "all";
      default -> {
        List<String> everyone = recipients.values().stream().flatMap(List::stream).toList();
        List<String> addresses = new ArrayList<>();
        for (int i = 1 + random.nextInt(3); i > 0; i--) {
          addresses.add(random.nextBoolean() ? everyone.get(random.nextInt(everyone.size())) : LookAlikes.address(random));
        }
        yield String.join(",", addresses);
      }
    };
  }
}

package io.qrelease.testing;

import io.qrelease.simulator.TenantSimulator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * A tenant simulator for a test, with the certificate the test JVM trusts (see the pom's
 * javax.net.ssl properties) and the client secret its tenant files name, and the quarantine export
 * that the store imports and the simulator serves alike.
 */
public final class SimulatedTenant {

  public static final String SECRET_VARIABLE = "QRELEASE_TEST_CLIENT_SECRET";
  public static final String TENANT_ID = "6babcaad-604b-40ac-a9d7-9fd97c0b779f";

  private SimulatedTenant() {
  }

  /** A simulator on a free loopback port, its state in the folder, expecting the tests' client secret. */
  public static TenantSimulator start(Path stateDir) {
    try {
      Files.createDirectories(stateDir);
      for (String store : List.of("simulator.p12", "truststore.p12")) {
        try (InputStream in = SimulatedTenant.class.getResourceAsStream("/simulator/" + store)) {
          Files.copy(in, stateDir.resolve(store), StandardCopyOption.REPLACE_EXISTING);
        }
      }
      TenantSimulator simulator = TenantSimulator.start(stateDir, 0);
      simulator.expectClientSecret(secret());
      return simulator;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String secret() {
    return System.getenv(SECRET_VARIABLE);
  }

  /** The tenant file's microsoft365 block for the simulator, with further keys (indented by two) after it. */
  public static String connection(TenantSimulator simulator, String... keys) {
    StringBuilder block = new StringBuilder("""
        microsoft365:
          tenantId: %s
          clientId: 2f5e1a3c-0d7b-4c55-9a8e-61c2c7e0b0d4
          clientSecret: ${%s}
          loginUrl: %s
          graphUrl: %s
          exchangeUrl: %s
        """.formatted(TENANT_ID, SECRET_VARIABLE, simulator.loginUrl(), simulator.graphUrl(),
        simulator.exchangeUrl()));
    for (String key : keys) {
      block.append("  ").append(key).append('\n');
    }
    return block.toString();
  }

  /** A quarantined message: its identity and its recipients. */
  public record QuarantinedMessage(String networkMessageId, String identity, List<String> recipients) {
  }

  /**
   * Quarantined spam of a campaign to contoso.com: message i has {@code recipientsEach} recipients, all
   * under one quarantine identity, as Exchange lists a message sent to several people.
   */
  public static List<QuarantinedMessage> campaign(int messages, int recipientsEach) {
    List<QuarantinedMessage> campaign = new ArrayList<>();
    for (int i = 0; i < messages; i++) {
      String message = UUID.nameUUIDFromBytes(("message " + i).getBytes()).toString();
      String record = UUID.nameUUIDFromBytes(("record " + i).getBytes()).toString();
      List<String> recipients = new ArrayList<>();
      for (int r = 0; r < recipientsEach; r++) {
        recipients.add("user" + i + "-" + r + "@contoso.com");
      }
      campaign.add(new QuarantinedMessage(message, message + "\\" + record, recipients));
    }
    return campaign;
  }

  /**
   * The campaign as Get-QuarantineMessage exports it, received yesterday and kept for 30 days: within
   * what Advanced Hunting shows (the last 30 days) and not yet expired, whenever the test runs.
   */
  public static String quarantineExport(List<QuarantinedMessage> campaign) {
    DateTimeFormatter powerShell = DateTimeFormatter.ofPattern("M/d/yyyy h:mm:ss a", Locale.ROOT).withZone(ZoneOffset.UTC);
    Instant received = Instant.now().minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);
    StringBuilder csv = new StringBuilder("Identity,ReceivedTime,SenderAddress,RecipientAddress,Subject,QuarantineTypes,"
        + "PolicyType,PolicyName,ReleaseStatus,Expires\n");
    for (QuarantinedMessage message : campaign) {
      csv.append(message.identity()).append(',').append(powerShell.format(received))
          .append(",billing@partner.example,").append(String.join(";", message.recipients()))
          .append(",Invoice,Spam,HostedContentFilterPolicy,Default,NOTRELEASED,")
          .append(powerShell.format(received.plus(Duration.ofDays(30)))).append('\n');
    }
    return csv.toString();
  }

  /** A selection naming every copy of the campaign. */
  public static String selection(List<QuarantinedMessage> campaign) {
    StringBuilder csv = new StringBuilder("NetworkMessageId,RecipientEmailAddress\n");
    campaign.forEach(message -> message.recipients().forEach(
        recipient -> csv.append(message.networkMessageId()).append(',').append(recipient).append('\n')));
    return csv.toString();
  }
}

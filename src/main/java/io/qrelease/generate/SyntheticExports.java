package io.qrelease.generate;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Deterministic synthetic exports of a campaign, for tests and benchmarks: the same count and
 * seed always give the same files. One copy per message, with the mix a tenant's quarantine
 * shows: mostly quarantined spam, bulk and phish, some admin-only verdicts, copies already
 * released or refused, expired ones, and copies delivered to the junk or deleted items folder,
 * the Inbox or nowhere. The hunting export selects every copy, with unknown messages mixed in.
 */
public final class SyntheticExports {

  /**
   * How the message ids run through the files. Defender's are random GUIDs; ascending ones are
   * what a benchmark that numbers its messages uses, and they keep every index lookup next to
   * the one before, so a comparison with such a benchmark needs them too.
   */
  public enum MessageIds {
    random, ascending
  }

  public static final String QUARANTINE_EXPORT = "quarantine-export.csv";
  public static final String EMAIL_EVENTS = "email-events.csv";
  public static final String HUNTING_EXPORT = "hunting-export.csv";

  private static final Instant CAMPAIGN_START = Instant.parse("2026-11-01T00:00:00Z");
  private static final Instant EXPIRED = Instant.parse("2026-01-01T00:00:00Z");
  private static final DateTimeFormatter POWERSHELL =
      DateTimeFormatter.ofPattern("M/d/yyyy h:mm:ss a", Locale.US).withZone(ZoneOffset.UTC);

  /** Quarantine types by weight out of 100. */
  private static final String[] TYPES = weighted(
      "Spam", 45, "Bulk", 20, "Phish", 20, "HighConfPhish", 5, "Malware", 4, "TransportRule", 4, "SPOMalware", 1,
      "FileTypeBlock", 1);
  private static final String[] STATUSES = weighted("NOTRELEASED", 96, "RELEASED", 2, "REQUESTED", 1, "DENIED", 1);
  /** Where the copies that were not quarantined went, by weight out of 100. */
  private static final String[] DELIVERED = weighted(
      "Junk folder", 40, "Deleted items", 20, "Inbox/folder", 27, "Failed", 7, "Dropped", 3, "On-premises/external", 3);

  private SyntheticExports() {
  }

  /** Writes the three exports for {@code messages} messages into the folder. */
  public static void write(Path folder, int messages, long seed, MessageIds ids) throws IOException {
    Files.createDirectories(folder);
    SplittableRandom random = new SplittableRandom(seed);
    try (BufferedWriter quarantine = Files.newBufferedWriter(folder.resolve(QUARANTINE_EXPORT));
         BufferedWriter events = Files.newBufferedWriter(folder.resolve(EMAIL_EVENTS));
         BufferedWriter hunting = Files.newBufferedWriter(folder.resolve(HUNTING_EXPORT))) {
      quarantine.write("Identity,ReceivedTime,SenderAddress,RecipientAddress,Subject,QuarantineTypes,PolicyType,"
          + "PolicyName,ReleaseStatus,Expires\n");
      events.write("Timestamp,NetworkMessageId,InternetMessageId,SenderFromAddress,RecipientEmailAddress,Subject,"
          + "DeliveryLocation,LatestDeliveryLocation\n");
      hunting.write("Timestamp,NetworkMessageId,RecipientEmailAddress,SenderFromAddress,Subject,ThreatTypes\n");
      for (int i = 0; i < messages; i++) {
        // Drawn either way, so that the two orders differ in the ids alone.
        String drawn = uuid(random);
        String message = ids == MessageIds.ascending ? new UUID(seed, i).toString() : drawn;
        String recipient = random.nextInt(100) < 3
            ? "user" + random.nextInt(500) + "@fabrikam.com" : "user" + random.nextInt(5_000) + "@contoso.com";
        String sender = "sender" + random.nextInt(200) + "@partner" + random.nextInt(20) + ".example";
        String subject = "\"Invoice " + i + ", overdue\"";
        Instant received = CAMPAIGN_START.plusSeconds(random.nextInt(25 * 24 * 3600));
        String type = TYPES[random.nextInt(100)];
        if (random.nextInt(100) < 85) {
          Instant expires = random.nextInt(100) < 3 ? EXPIRED : received.plus(Duration.ofDays(365 * 4));
          quarantine.write(message + "\\" + uuid(random) + "," + POWERSHELL.format(received) + "," + sender + ","
              + recipient + "," + subject + "," + type + ",HostedContentFilterPolicy,Default,"
              + STATUSES[random.nextInt(100)] + "," + POWERSHELL.format(expires) + "\n");
        } else {
          String location = DELIVERED[random.nextInt(100)];
          events.write(received + "," + message + ",<" + i + "@partner.example>," + sender + "," + recipient + ","
              + subject + "," + location + "," + location + "\n");
        }
        String selected = random.nextInt(1_000) < 5 ? uuid(random) : message;
        hunting.write(received + "," + selected + "," + recipient + "," + sender + "," + subject + "," + type + "\n");
      }
    }
  }

  private static String uuid(SplittableRandom random) {
    long high = (random.nextLong() & ~0xF000L) | 0x4000L;
    long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(high, low).toString();
  }

  private static String[] weighted(Object... valuesAndWeights) {
    String[] table = new String[100];
    int next = 0;
    for (int i = 0; i < valuesAndWeights.length; i += 2) {
      for (int w = 0; w < (Integer) valuesAndWeights[i + 1]; w++) {
        table[next++] = (String) valuesAndWeights[i];
      }
    }
    return table;
  }
}

package io.qrelease.testing;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * A synthetic campaign of quarantined copies, one per message, and the hunting export an
 * analyst would release for it: mostly releasable spam, with admin-only types, expired copies
 * and unknown messages mixed in so that every chunk has skips.
 */
public record Campaign(Path quarantineExport, Path huntingExport, int copies) {

  private static final String[] TYPES = {"Spam", "Bulk", "Phish", "Spam", "Malware", "Spam", "HighConfPhish"};

  public static Campaign write(Path folder, int copies) {
    Path quarantine = folder.resolve("campaign-quarantine.csv");
    Path hunting = folder.resolve("campaign-hunting.csv");
    try {
      Files.createDirectories(folder);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try (BufferedWriter q = Files.newBufferedWriter(quarantine); BufferedWriter h = Files.newBufferedWriter(hunting)) {
      q.write("Identity,RecipientAddress,SenderAddress,Subject,QuarantineTypes,ReleaseStatus,Expires\n");
      h.write("Timestamp,NetworkMessageId,RecipientEmailAddress,SenderFromAddress,Subject\n");
      for (int i = 0; i < copies; i++) {
        String message = messageId(i);
        String recipient = "user" + (i % 997) + "@contoso.com";
        String expires = i % 50 == 0 ? "2020-01-01T00:00:00Z" : "2099-01-01T00:00:00Z";
        q.write(message + "\\" + new UUID(7, i) + "," + recipient + ",billing@partner.example,\"Invoice " + i
            + ", overdue\"," + TYPES[i % TYPES.length] + ",NOTRELEASED," + expires + "\n");
        String selected = i % 100 == 99 ? new UUID(0xdeadL, i).toString() : message;
        h.write("2026-11-20T10:00:00Z," + selected + "," + recipient + ",billing@partner.example,\"Invoice " + i
            + ", overdue\"\n");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Campaign(quarantine, hunting, copies);
  }

  /** A store (a workbench in the folder {@code store}) holding a campaign of that many copies, written under "campaign". */
  public static Workbench imported(Path folder, String store, int copies) {
    Campaign campaign = write(folder.resolve("campaign"), copies);
    Workbench bench = new Workbench(folder.resolve(store));
    CommandRun imported = bench.run("import", campaign.quarantineExport().toString());
    if (imported.exitCode() != 0) {
      throw new AssertionError("The campaign did not import: " + imported);
    }
    return bench;
  }

  public static String messageId(int index) {
    return new UUID(0x5eedL, index).toString();
  }
}

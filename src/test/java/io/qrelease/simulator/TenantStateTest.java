package io.qrelease.simulator;

import static io.qrelease.simulator.LoopbackTenant.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qrelease.domain.Location;
import io.qrelease.generate.SyntheticExports;
import io.qrelease.input.InputRefusedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The tenant's copies survive a restart, and seed from a quarantine export: the sample's, and generate's. */
class TenantStateTest extends LoopbackTenantTest {

  static final String SHARED = "1aa615a9-4b6a-4551-a061-ae14a1dbf721\\12e6002c-cb91-4b4d-a6c3-9dfa4893776e";

  @Test
  void theSampleExportSeedsACopyPerRecipientWithItsStatusAndReleasedUsers() throws Exception {
    int added = tenant.simulator.addQuarantineExport(Path.of("samples", "quarantine-export.csv"));

    List<SimulatedCopy> copies = tenant.simulator.copies();
    assertThat(added).isEqualTo(copies.size());
    assertThat(copies).filteredOn(copy -> copy.identity().equals(SHARED)).extracting(SimulatedCopy::recipient)
        .containsExactly("dave@contoso.com", "erin@contoso.com");
    SimulatedCopy judy = copies.stream().filter(copy -> copy.recipient().equals("judy@contoso.com")).findFirst().orElseThrow();
    assertThat(judy.releaseStatus()).isEqualTo("Released");
    assertThat(judy.releasedUsers()).containsExactly("secops-admin@contoso.com");
    assertThat(judy.received()).isEqualTo(Instant.parse("2026-11-21T16:20:02Z"));
    assertThat(judy.location()).isEqualTo(Location.Quarantine);
    SimulatedCopy frank = copies.stream().filter(copy -> copy.recipient().equals("frank@contoso.com")).findFirst().orElseThrow();
    assertThat(frank.quarantineType()).isEqualTo("HighConfPhish");
    assertThat(frank.policyName()).isEqualTo("Strict Preset Security Policy");
  }

  @Test
  void generatesExportSeedsEveryRowAndEachIdentityAnswersGetQuarantineMessage() throws Exception {
    Path generated = folder.resolve("generated");
    SyntheticExports.write(generated, 300, 42, SyntheticExports.MessageIds.random);
    List<String> lines = Files.readAllLines(generated.resolve(SyntheticExports.QUARANTINE_EXPORT));

    int added = tenant.simulator.addQuarantineExport(generated.resolve(SyntheticExports.QUARANTINE_EXPORT));

    assertThat(added).isEqualTo(lines.size() - 1);
    String identity = lines.get(1).substring(0, lines.get(1).indexOf(','));
    String token = tenant.token(tenant.simulator.exchangeUrl());
    JsonNode row = json(tenant.cmdlet(token, "Get-QuarantineMessage",
        "{\"Identity\":\"" + identity.replace("\\", "\\\\") + "\"}")).get("value").get(0);
    assertThat(row.get("Identity").asString()).isEqualTo(identity);
  }

  @Test
  void anExportWithoutARecipientColumnIsRefusedNamingIt() throws Exception {
    Path export = Files.writeString(folder.resolve("export.csv"), "Identity,Subject\nx\\y,hello\n");

    assertThatThrownBy(() -> tenant.simulator.addQuarantineExport(export)).isInstanceOf(InputRefusedException.class)
        .hasMessageContaining("has no recipient column");
  }

  @Test
  void copiesReleasesAndRemediationsSurviveARestartWithPendingEffectsApplied() throws Exception {
    tenant.simulator.addQuarantineExport(Path.of("samples", "quarantine-export.csv"));
    tenant.simulator.applyAfter(Duration.ofHours(1));
    String token = tenant.token(tenant.simulator.exchangeUrl());
    tenant.cmdlet(token, "Release-QuarantineMessage", "{\"Identity\":\"" + SHARED.replace("\\", "\\\\") + "\",\"ReleaseToAll\":true}");
    List<SimulatedCopy> before = tenant.simulator.copies();
    tenant.close();

    tenant = LoopbackTenant.start(folder.resolve("state"));

    assertThat(before).filteredOn(copy -> copy.identity().equals(SHARED)).extracting(SimulatedCopy::releaseStatus)
        .containsOnly("PreparingToRelease");
    assertThat(tenant.simulator.copies()).hasSameSizeAs(before);
    assertThat(tenant.simulator.copies()).filteredOn(copy -> copy.identity().equals(SHARED))
        .allSatisfy(copy -> {
          assertThat(copy.releaseStatus()).isEqualTo("Released");
          assertThat(copy.location()).isEqualTo(Location.Inbox);
        });
    assertThat(tenant.simulator.releases()).singleElement().extracting(Release::releaseToAll).isEqualTo(true);
  }
}

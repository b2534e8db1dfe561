package io.qrelease.jobs.release;

import static org.assertj.core.api.Assertions.assertThat;

import io.qrelease.domain.Location;
import io.qrelease.simulator.Fault;
import io.qrelease.simulator.RecordedRequest;
import io.qrelease.simulator.Release;
import io.qrelease.simulator.Remediation;
import io.qrelease.simulator.SimulatedCopy;
import io.qrelease.simulator.TenantSimulator;
import io.qrelease.testing.AuditCounts;
import io.qrelease.testing.CommandRun;
import io.qrelease.testing.SimulatedTenant;
import io.qrelease.testing.SimulatedTenant.QuarantinedMessage;
import io.qrelease.testing.Workbench;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A release whose tenant file connects to Microsoft 365, run against the tenant simulator over HTTPS
 * on loopback: carried out in batches, verified, and kept going or stopped as the tenant answers.
 */
class TenantReleaseFunctionalTest {

  private static final String ADMIN = "secops-admin@contoso.com";

  @TempDir
  Path folder;

  private Workbench bench;
  private TenantSimulator tenant;
  private List<QuarantinedMessage> campaign;
  private Path selection;

  @BeforeEach
  void aCampaignInTheStoreAndTheTenant() throws IOException {
    System.setProperty("qrelease.tenant.first-wait", "50ms");
    System.setProperty("qrelease.verify-poll", "100ms");
    bench = new Workbench(folder);
    tenant = SimulatedTenant.start(folder.resolve("tenant"));
    givenTheCampaign(SimulatedTenant.campaign(1_500, 2));
  }

  @AfterEach
  void stopTheTenant() {
    tenant.close();
    System.clearProperty("qrelease.tenant.first-wait");
    System.clearProperty("qrelease.verify-poll");
  }

  private void givenTheCampaign(List<QuarantinedMessage> messages) throws IOException {
    campaign = messages;
    Path export = bench.write("quarantine.csv", SimulatedTenant.quarantineExport(campaign));
    assertThat(bench.run("import", export.toString()).exitCode()).isZero();
    tenant.addQuarantineExport(export);
    selection = bench.write("selection.csv", SimulatedTenant.selection(campaign));
  }

  private void connected(String... keys) {
    bench.write("tenant.yml", Workbench.TENANT + SimulatedTenant.connection(tenant, keys));
  }

  private CommandRun release(String action, String... more) {
    String[] args = Stream.concat(Stream.of("release", selection.toString(), "--operator", ADMIN, "--action", action,
        "--name", "Invoice campaign"), Stream.of(more)).toArray(String[]::new);
    return bench.run(args);
  }

  @Test
  void aMoveToInboxOfThousandsIsSentInRemediationsOfTheConfiguredSizeAndVerifiedBeforeItCounts() {
    // given
    connected("remediationBatch: 1000");

    // when
    CommandRun run = release("move-to-inbox");

    // then
    assertThat(run.exitCode()).as(run.toString()).isZero();
    List<Remediation> remediations = tenant.remediations();
    assertThat(remediations).extracting(Remediation::displayName).containsExactly(
        "Invoice campaign (batch 1 of 3)", "Invoice campaign (batch 2 of 3)", "Invoice campaign (batch 3 of 3)");
    assertThat(remediations).allSatisfy(remediation -> {
      assertThat(remediation.action()).isEqualTo("moveToInbox");
      assertThat(remediation.entities()).hasSize(1_000);
    });
    Set<Remediation.Entity> sent = new HashSet<>();
    remediations.forEach(remediation -> sent.addAll(remediation.entities()));
    assertThat(sent).hasSize(3_000);
    assertThat(tenant.copies()).extracting(SimulatedCopy::location).containsOnly(Location.Inbox);
    assertThat(bench.query("SELECT result, COUNT(*) AS entities FROM action_audit GROUP BY result"))
        .containsExactly(Map.of("result", "Success", "entities", 3_000L));
    assertThat(bench.query("SELECT DISTINCT location, release_status, released_by FROM mail_copy"))
        .containsExactly(Map.of("location", "Inbox", "release_status", "Released", "released_by", ADMIN));
    assertThat(run.out()).contains("tenant     3 batches: 3,000 sent, 3,000 verified, 0 failed; bulk ids")
        .contains(remediations.stream().map(Remediation::bulkId).toList());
    assertThat(bench.query("SELECT batch, state, bulk_id FROM tenant_batch ORDER BY batch")).extracting(
        row -> row.get("state") + " " + row.get("bulk_id")).containsExactlyElementsOf(
        remediations.stream().map(remediation -> "Verified " + remediation.bulkId()).toList());
  }

  @Test
  void aReleaseIsSentByQuarantineIdentityToAllItsRecipientsOrOnlyToThoseSelectedInCallsOfTheConfiguredSize()
      throws IOException {
    // given: every copy selected but the second recipient of the first message
    connected("releaseBatch: 100");
    QuarantinedMessage first = campaign.get(0);
    List<String> rows = Files.readAllLines(selection);
    rows.remove(first.networkMessageId() + "," + first.recipients().get(1));
    Files.write(selection, rows);

    // when
    CommandRun run = release("release");

    // then
    assertThat(run.exitCode()).as(run.toString()).isZero();
    List<Release> calls = tenant.releases();
    assertThat(calls).allSatisfy(call -> assertThat(call.identities()).hasSizeLessThanOrEqualTo(100));
    assertThat(calls.stream().mapToInt(call -> call.identities().size()).sum()).isEqualTo(1_500);
    assertThat(calls).filteredOn(call -> !call.releaseToAll()).singleElement().satisfies(call -> {
      assertThat(call.identities()).containsExactly(first.identity());
      assertThat(call.users()).containsExactly(first.recipients().get(0));
    });
    assertThat(tenant.copies()).filteredOn(copy -> !copy.releaseStatus().equals("Released"))
        .extracting(SimulatedCopy::recipient).containsExactly(first.recipients().get(1));
    assertThat(bench.query("SELECT result, COUNT(*) AS entities FROM action_audit GROUP BY result"))
        .containsExactly(Map.of("result", "Success", "entities", 2_999L));
    assertThat(bench.count("SELECT COUNT(*) FROM mail_copy WHERE release_status = 'Released'")).isEqualTo(2_999);
  }

  @Test
  void throttlingServerFaultsLostConnectionsAndARefusedTokenAreWaitedOutRetriedAndRenewed() throws IOException {
    // given
    givenTheCampaign(SimulatedTenant.campaign(20, 1));
    connected("remediationBatch: 10");
    tenant.fault("remediate", Fault.status(429, 2), 1);
    tenant.fault("remediate", Fault.status(503), 1);
    tenant.fault("remediate", Fault.reset(), 1);
    tenant.fault("remediate", Fault.status(401), 1);
    tenant.fault("hunting", Fault.status(503, 1), 1);

    // when
    CommandRun run = release("move-to-inbox");

    // then
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(bench.count("SELECT COUNT(*) FROM action_audit WHERE result = 'Success'")).isEqualTo(20);
    List<RecordedRequest> remediate = requests("remediate");
    assertThat(remediate).extracting(RecordedRequest::status).startsWith(429, 503);
    assertThat(Duration.between(remediate.get(0).arrived(), remediate.get(1).arrived()))
        .as("no remediation before Retry-After's 2 s were over").isGreaterThanOrEqualTo(Duration.ofSeconds(2));
    assertThat(requests("token")).as("a new token after the 401").hasSizeGreaterThanOrEqualTo(2);
  }

  @Test
  void remediationsGoOutAsManyAtOnceAsTheTenantAllowsAndNoMore() throws IOException {
    // given: each remediation answered after half a second
    givenTheCampaign(SimulatedTenant.campaign(60, 1));
    connected("remediationBatch: 10", "maxConcurrentRemediations: 3");
    tenant.fault("remediate", Fault.slow(Duration.ofMillis(500)), 6);

    // when
    CommandRun run = release("move-to-inbox");

    // then: two rounds of three, each three arriving together and the next round only after them
    assertThat(run.exitCode()).as(run.toString()).isZero();
    List<RecordedRequest> remediate = requests("remediate").stream()
        .sorted(Comparator.comparing(RecordedRequest::arrived)).toList();
    assertThat(remediate).hasSize(6);
    assertThat(Duration.between(remediate.get(0).arrived(), remediate.get(2).arrived()))
        .isLessThan(Duration.ofMillis(400));
    assertThat(Duration.between(remediate.get(0).arrived(), remediate.get(3).arrived()))
        .isGreaterThanOrEqualTo(Duration.ofMillis(500));
    assertThat(bench.count("SELECT COUNT(*) FROM action_audit WHERE result = 'Success'")).isEqualTo(60);
  }

  @Test
  void aTenantThatForbidsTheAppFailsTheRunWithWhatToDoAndNothingIsMarkedDone() {
    // given
    connected();
    tenant.fault("exchange", Fault.forbidden(), 1);

    // when
    CommandRun run = release("release");

    // then
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
    assertThat(run.err()).contains("Exchange Release-QuarantineMessage was refused (HTTP 403); give the app"
        + " registration the Office 365 Exchange Online application permission Exchange.ManageAsApp and the Security"
        + " Administrator directory role with admin consent, then run qrelease restart --last.");
    assertThat(bench.count("SELECT COUNT(*) FROM action_audit WHERE result = 'Success'")).isZero();
    assertThat(tenant.releases()).isEmpty();
  }

  @Test
  void aMalformedAnswerFailsTheRunWithNothingMarkedDoneAndTheResumedRunSendsTheBatchAgain() {
    // given
    givenTheCampaignOf(10);
    connected();
    tenant.fault("remediate", Fault.malformed(), 1);

    // when
    CommandRun failed = release("move-to-inbox");
    CommandRun resumed = release("move-to-inbox");

    // then
    assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(1);
    assertThat(failed.err()).contains("Graph remediate accepted the batch without saying its bulk id");
    assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
    assertThat(bench.query("SELECT result, COUNT(*) AS entities FROM action_audit GROUP BY result"))
        .containsExactly(Map.of("result", "Success", "entities", 10L));
    assertThat(requests("remediate")).hasSize(2);
  }

  @Test
  void anEntityTheTenantRefusesFailsWithItsWordsAndOneItNeverConfirmsFailsUnverifiedWhileTheRestSucceed() {
    // given
    givenTheCampaignOf(10);
    connected("verifyTimeout: 2s");
    QuarantinedMessage refused = campaign.get(3);
    QuarantinedMessage ignored = campaign.get(6);
    tenant.refuse(refused.identity(), "The message has been deleted.");
    tenant.ignore(ignored.networkMessageId());

    // when
    CommandRun run = release("release");

    // then
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
    assertThat(bench.query("SELECT network_message_id, result, reason, detail FROM action_audit"
        + " WHERE result <> 'Success' ORDER BY reason")).satisfiesExactly(
        notVerified -> assertThat(notVerified).containsEntry("network_message_id", ignored.networkMessageId())
            .containsEntry("reason", "NotVerified"),
        rejected -> {
          assertThat(rejected).containsEntry("network_message_id", refused.networkMessageId())
              .containsEntry("result", "Failed").containsEntry("reason", "TenantRejected");
          assertThat((String) rejected.get("detail")).contains("could not be released")
              .contains("The message has been deleted.");
        });
    assertThat(bench.count("SELECT COUNT(*) FROM action_audit WHERE result = 'Success'")).isEqualTo(8);
  }

  @Test
  void aCertificateSignsTheClientAssertionThatGetsTheTokensWithNoSecretAtAll() throws Exception {
    // given: the app's certificate and key as one PEM file beside the tenant file, which names it
    givenTheCampaignOf(10);
    KeyStore app = appCertificate();
    X509Certificate certificate = (X509Certificate) app.getCertificate("app");
    Base64.Encoder pem = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));
    bench.write("app.pem", "-----BEGIN PRIVATE KEY-----\n"
        + pem.encodeToString(app.getKey("app", "changeit".toCharArray()).getEncoded())
        + "\n-----END PRIVATE KEY-----\n-----BEGIN CERTIFICATE-----\n" + pem.encodeToString(certificate.getEncoded())
        + "\n-----END CERTIFICATE-----\n");
    tenant.trustCertificate(certificate);
    bench.write("tenant.yml", Workbench.TENANT + SimulatedTenant.connection(tenant)
        .replace("clientSecret: ${" + SimulatedTenant.SECRET_VARIABLE + "}", "certificate: app.pem"));

    // when
    CommandRun run = release("move-to-inbox");

    // then
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(requests("token")).isNotEmpty().allSatisfy(token -> {
      assertThat(token.status()).isEqualTo(200);
      assertThat(token.body()).contains("client_assertion_type=").doesNotContain("client_secret");
    });
    assertThat(bench.count("SELECT COUNT(*) FROM action_audit WHERE result = 'Success'")).isEqualTo(10);
  }

  /** A self-signed certificate and its RSA key, made by the JDK's keytool as an administrator would. */
  private KeyStore appCertificate() throws Exception {
    Path store = folder.resolve("app.p12");
    Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
        "-genkeypair", "-alias", "app", "-keyalg", "RSA", "-keysize", "2048", "-validity", "30",
        "-dname", "CN=qrelease",
        "-keystore", store.toString(), "-storetype", "PKCS12", "-storepass", "changeit", "-keypass", "changeit")
        .redirectErrorStream(true).start();
    assertThat(keytool.waitFor()).as(new String(keytool.getInputStream().readAllBytes())).isZero();
    KeyStore keys = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(store)) {
      keys.load(in, "changeit".toCharArray());
    }
    return keys;
  }

  @Test
  void verifyAsksAgainAboutWhatTheTenantConfirmedTooLateAndAuditsItSuccess() throws InterruptedException {
    // given: a release the tenant carries out only after the run stopped waiting for it
    givenTheCampaignOf(10);
    connected("verifyTimeout: 1s");
    tenant.applyAfter(Duration.ofSeconds(3));
    CommandRun run = release("release");
    String actionId = (String) bench.query("SELECT action_id FROM email_action").get(0).get("action_id");
    Thread.sleep(3_000);

    // when
    CommandRun again = bench.run("verify", actionId.substring(0, 8));

    // then
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
    assertThat(run.out()).contains("failed     NotVerified 10");
    assertThat(again.exitCode()).as(again.toString()).isZero();
    assertThat(again.out()).isEqualTo("Asked the tenant again about 10 entities of action " + actionId
        + " it had not confirmed: 10 confirmed now and audited Success, 0 still not.\n");
    assertThat(bench.query("SELECT result, COUNT(*) AS entities FROM action_audit WHERE reason IS NULL GROUP BY result"))
        .containsExactly(Map.of("result", "Success", "entities", 10L));
    assertThat(AuditCounts.kept(bench)).isEqualTo(AuditCounts.counted(bench));
    assertThat(bench.count("SELECT COUNT(*) FROM mail_copy WHERE release_status = 'Released'")).isEqualTo(10);
    assertThat(bench.query("SELECT DISTINCT state FROM tenant_batch")).containsExactly(Map.of("state", "Verified"));
  }

  @Test
  void aDryRunAndAReaderNeverCallTheTenant() {
    // given
    connected();

    // when
    CommandRun preview = release("release", "--dry-run");
    CommandRun reader = bench.run("release", selection.toString(), "--operator", "auditor@contoso.com", "--dry-run");

    // then
    assertThat(preview.exitCode()).as(preview.toString()).isZero();
    assertThat(reader.exitCode()).as(reader.toString()).isZero();
    assertThat(tenant.requests()).isEmpty();
  }

  @Test
  void theClientSecretReachesNoOutputLogOrTable() throws IOException {
    // given
    givenTheCampaignOf(10);
    connected();
    tenant.fault("remediate", Fault.status(401), 2);

    // when
    CommandRun run = release("move-to-inbox");

    // then: the second 401 fails the run, after a token was asked for twice
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
    String secret = SimulatedTenant.secret();
    assertThat(run.out() + run.err()).doesNotContain(secret);
    try (Stream<Path> files = Files.walk(folder.resolve("db"))) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1))
            .as(file.toString()).doesNotContain(secret);
      }
    }
  }

  private void givenTheCampaignOf(int messages) {
    try {
      givenTheCampaign(SimulatedTenant.campaign(messages, 1));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private List<RecordedRequest> requests(String endpoint) {
    return tenant.requests().stream().filter(request -> request.endpoint().equals(endpoint)).toList();
  }
}

package io.qrelease.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.qrelease.testing.CommandRun;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** simulate-tenant serves a seeded tenant and prints what a tenant file and a client JVM need to reach it. */
class SimulateTenantFunctionalTest {

  @TempDir
  Path folder;

  @Test
  void theSimulatorPrintsItsUrlsAndTrustStoreAndServesTheSeededQuarantineUntilStopped() throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    AtomicInteger exitCode = new AtomicInteger(-1);
    Thread command = new Thread(() -> exitCode.set(new CommandLine(new QreleaseCommand())
        .setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true))
        .execute("simulate-tenant", "--port", "0", "--state", folder.resolve("tenant").toString(),
            "--quarantine", "samples/quarantine-export.csv", "--apply-after", "2s")));
    command.start();
    for (int i = 0; i < 300 && !out.toString().contains("Serving until stopped"); i++) {
      Thread.sleep(50);
    }

    String printed = out.toString();
    Matcher login = Pattern.compile("loginUrl: (https://localhost:\\d+)").matcher(printed);
    assertThat(login.find()).as(printed + err).isTrue();
    String loginUrl = login.group(1);
    Path trustStore = folder.resolve("tenant").resolve("truststore.p12");
    HttpResponse<String> state = client(trustStore).send(HttpRequest.newBuilder(URI.create(loginUrl + "/_simulator/state")).build(),
        HttpResponse.BodyHandlers.ofString());
    command.interrupt();
    command.join(10_000);

    assertThat(printed).contains("Added 26 copies from samples/quarantine-export.csv.",
        "graphUrl: " + loginUrl + "/graph", "exchangeUrl: " + loginUrl + "/exchange",
        "export JAVA_OPTS=\"-Djavax.net.ssl.trustStore=" + trustStore.toAbsolutePath()
            + " -Djavax.net.ssl.trustStorePassword=changeit -Djavax.net.ssl.trustStoreType=PKCS12\"");
    assertThat(state.statusCode()).isEqualTo(200);
    assertThat(state.body()).contains("judy@contoso.com");
    assertThat(exitCode.get()).isZero();
    assertThat(folder.resolve("tenant").resolve("state.json")).exists();
  }

  @Test
  void anApplyDelayThatIsNotASpanIsRefusedNamingTheOption() {
    CommandRun run = CommandRun.of("simulate-tenant", "--state", folder.toString(), "--apply-after", "soon");

    Screen.assertRefused(run);
    assertThat(run.err()).contains("--apply-after: 'soon' is not a time span");
  }

  private static HttpClient client(Path trustStore) throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(trustStore)) {
      store.load(in, "changeit".toCharArray());
    }
    TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(store);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, trust.getTrustManagers(), null);
    return HttpClient.newBuilder().sslContext(context).build();
  }
}

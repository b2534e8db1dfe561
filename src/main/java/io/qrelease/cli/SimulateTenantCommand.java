package io.qrelease.cli;

import io.qrelease.domain.TimeSpan;
import io.qrelease.report.Count;
import io.qrelease.simulator.TenantSimulator;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Serves a simulated Microsoft 365 tenant on loopback until stopped. It never opens qrelease's
 * database: the tenant it simulates is all it holds, in its own state folder.
 */
@Command(name = "simulate-tenant", mixinStandardHelpOptions = true,
    description = "Serves a simulated Microsoft 365 tenant on this machine for tests and demos: the token endpoint,"
        + " Graph's remediation, analyzedEmails and hunting, and Exchange's quarantine cmdlets, over HTTPS with a"
        + " self-signed certificate. Its copies, releases and remediations are kept in the state folder across"
        + " restarts. Faults are asked for with POST /_simulator/faults; GET /_simulator/state and"
        + " /_simulator/requests show what it holds and what it was asked. Stop it with Ctrl-C.")
class SimulateTenantCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Option(names = "--port", defaultValue = "8443", paramLabel = "N",
      description = "The port on 127.0.0.1 to listen on; 0 for any free one (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--state", required = true, paramLabel = "DIR",
      description = "The folder of the simulator's certificate, trust store and tenant (made when missing).")
  Path state;

  @Option(names = "--quarantine", paramLabel = "FILE.csv",
      description = "A Get-QuarantineMessage CSV export to add to the tenant's quarantine; may be repeated.")
  List<Path> quarantine = new ArrayList<>();

  @Option(names = "--apply-after", paramLabel = "SPAN",
      description = "How long an accepted release or remediation takes to show, e.g. 2s or 1m (default: at once).")
  String applyAfter;

  @Override
  public Integer call() throws Exception {
    Duration delay = applyAfter == null ? Duration.ZERO : Options.value("--apply-after", applyAfter, SimulateTenantCommand::span);
    if (port < 0 || port > 65535) {
      throw new Refusal("--port takes a port from 0 to 65535.");
    }
    PrintWriter out = spec.commandLine().getOut();
    CountDownLatch stopped = new CountDownLatch(1);
    try (TenantSimulator simulator = TenantSimulator.start(state, port)) {
      simulator.applyAfter(delay);
      for (Path file : quarantine) {
        out.println("Added " + Count.of(simulator.addQuarantineExport(file)) + " copies from " + file + ".");
      }
      printHowToUse(out, simulator);
      // Ctrl-C: the state is written as the simulator closes, then the command returns.
      Thread stop = new Thread(() -> {
        simulator.close();
        stopped.countDown();
      }, "simulate-tenant-stop");
      Runtime.getRuntime().addShutdownHook(stop);
      try {
        stopped.await();
      } catch (InterruptedException e) {
        Runtime.getRuntime().removeShutdownHook(stop);
        Thread.currentThread().interrupt();
      }
    }
    return 0;
  }

  private void printHowToUse(PrintWriter out, TenantSimulator simulator) {
    out.println("The tenant simulator listens on " + simulator.loginUrl() + " (127.0.0.1) with "
        + Count.of(simulator.copies().size()) + " copies; its state is in " + state + ".");
    out.println("Put these in the tenant file's microsoft365 block:");
    out.println("  loginUrl: " + simulator.loginUrl());
    out.println("  graphUrl: " + simulator.graphUrl());
    out.println("  exchangeUrl: " + simulator.exchangeUrl());
    out.println("Its certificate is self-signed; the JVM that calls it trusts it through the trust store "
        + simulator.trustStore() + ":");
    out.println("  export JAVA_OPTS=\"" + simulator.javaOptions() + "\"");
    out.println("Serving until stopped (Ctrl-C).");
    out.flush();
  }

  /** A span as elsewhere on the command line (90m, 24h...), or a whole number of seconds such as 2s. */
  private static Duration span(String text) {
    String trimmed = text.trim();
    if (trimmed.matches("[0-9]{1,6}s")) {
      return Duration.ofSeconds(Long.parseLong(trimmed.substring(0, trimmed.length() - 1)));
    }
    return TimeSpan.parse(trimmed);
  }
}

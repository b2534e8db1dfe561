package io.qrelease.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.qrelease.simulator.AccessTokens.Grant;
import io.qrelease.simulator.AccessTokens.Resource;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLContext;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * A Microsoft 365 tenant on loopback for qrelease's tests and demos: an HTTPS server speaking the
 * wire formats of the identity platform's token endpoint, Graph's remediation, analyzedEmails and
 * Advanced Hunting, and Exchange Online's InvokeCommand with the quarantine cmdlets (see
 * M365-WIRE), over copies it keeps in {@code STATE_DIR/state.json}.
 *
 * <p>Paths: {@code POST /{tenantId}/oauth2/v2.0/token}; {@code POST /graph/{v1.0|beta}/security/collaboration/
 * analyzedEmails/remediate} (or {@code .../microsoft.graph.security.remediate}); {@code GET
 * /graph/{v1.0|beta}/security/collaboration/analyzedEmails}; {@code POST
 * /graph/{v1.0|beta}/security/runHuntingQuery} (or {@code .../microsoft.graph.security.runHuntingQuery});
 * {@code POST /exchange/adminapi/beta/{tenantId}/InvokeCommand}; and, for the command line, {@code POST
 * /_simulator/faults}, {@code GET /_simulator/state}, {@code GET /_simulator/requests}.
 *
 * <p>Trusting its certificate: the simulator makes a self-signed certificate for localhost in the
 * state folder and a trust store beside it ({@link #trustStore()}, PKCS12, password
 * {@value SimulatorCertificate#PASSWORD}). A test in the same JVM hands {@link #sslContext()} to its
 * client (the JDK's HttpClient, or MSAL4J's {@code sslSocketFactory(...)}); a JVM started for the
 * purpose (the command line) is given {@link #javaOptions()}. Setting the {@code javax.net.ssl.trustStore}
 * properties inside a running test JVM works only before its first HTTPS client is made, since the
 * JDK reads them once, so tests should not rely on it.
 *
 * <p>MSAL4J (1.26) with the authority {@code https://localhost:PORT/{tenantId}/} and instance
 * discovery and authority validation off posts straight to the token endpoint.
 */
public final class TenantSimulator implements AutoCloseable {

  static {
    // The JDK's server writes a response's headers and body apart; with Nagle's algorithm on, the
    // client's delayed acknowledgement held each answer 40 ms (20 lookups took 1 s, and 0.1 s without it).
    // The JDK reads this once, when its first HTTP server is made in the JVM.
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  private final Clock clock = Clock.systemUTC();
  private final SimulatorCertificate certificate;
  private final TenantState state;
  private final AccessTokens tokens = new AccessTokens(clock);
  private final TokenEndpoint tokenEndpoint = new TokenEndpoint(tokens, clock);
  private final GraphEndpoints graph;
  private final HuntingEndpoint hunting;
  private final ExchangeEndpoint exchange;
  private final FaultQueue faults = new FaultQueue();
  private final List<RecordedRequest> requests = new ArrayList<>();
  private final HttpsServer server;
  private final ExecutorService threads;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final ScheduledExecutorService writer = Executors.newSingleThreadScheduledExecutor(task -> {
    Thread thread = new Thread(task, "tenant-simulator-state");
    thread.setDaemon(true);
    return thread;
  });

  private TenantSimulator(Path stateDir, int port) throws IOException {
    certificate = SimulatorCertificate.in(stateDir);
    state = TenantState.load(stateDir, clock);
    graph = new GraphEndpoints(state, clock);
    hunting = new HuntingEndpoint(state, clock);
    exchange = new ExchangeEndpoint(state, clock);
    server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(certificate.serverContext()));
    // One thread a request, so that a slow fault holds up only the request it answers.
    threads = Executors.newCachedThreadPool(task -> {
      Thread thread = new Thread(task, "tenant-simulator");
      thread.setDaemon(true);
      return thread;
    });
    server.setExecutor(threads);
    server.createContext("/", this::handle);
  }

  /**
   * Starts a simulator on loopback with its certificate and state in the folder (both made when
   * missing, both kept when there).
   *
   * @param port the port to listen on; 0 for any free one
   */
  public static TenantSimulator start(Path stateDir, int port) throws IOException {
    TenantSimulator simulator = new TenantSimulator(stateDir, port);
    simulator.writer.scheduleWithFixedDelay(simulator.state::saveIfChanged, 1, 1, TimeUnit.SECONDS);
    simulator.server.start();
    return simulator;
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** The tenant file's {@code loginUrl}: scheme, host and port, the tenant id following it. */
  public String loginUrl() {
    return "https://localhost:" + port();
  }

  public String graphUrl() {
    return loginUrl() + "/graph";
  }

  public String exchangeUrl() {
    return loginUrl() + "/exchange";
  }

  public Path trustStore() {
    return certificate.trustStore();
  }

  /** The simulator's key store (PKCS12, same password): its key may sign a test's client assertions. */
  public Path keyStore() {
    return certificate.keyStore();
  }

  /** JVM options that make a client JVM trust the simulator. */
  public String javaOptions() {
    return certificate.javaOptions();
  }

  /** A TLS context that trusts the simulator and nothing else, for a client in the same JVM. */
  public SSLContext sslContext() {
    try {
      return certificate.clientContext();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public void add(SimulatedCopy... copies) {
    state.add(Arrays.asList(copies));
  }

  /** Adds a copy for each recipient of each row of a Get-QuarantineMessage CSV export; returns how many. */
  public int addQuarantineExport(Path csv) throws IOException {
    List<SimulatedCopy> copies = QuarantineExport.read(csv);
    state.add(copies);
    return copies.size();
  }

  /** The copies as they are now, effects whose time has come applied. */
  public List<SimulatedCopy> copies() {
    return state.copies();
  }

  public List<RecordedRequest> requests() {
    synchronized (requests) {
      return List.copyOf(requests);
    }
  }

  public List<Remediation> remediations() {
    return state.remediations();
  }

  public List<Release> releases() {
    return state.releases();
  }

  /** How long an accepted remediation or release takes to show in the state; zero (the default) for at once. */
  public void applyAfter(Duration delay) {
    state.applyAfter(delay);
  }

  /** The lifetime of the tokens issued from now on (expires_in); 3599 seconds by default. */
  public void tokenLifetime(Duration lifetime) {
    tokenEndpoint.lifetime(lifetime);
  }

  /** From now on, a token request with another client secret is refused (401 invalid_client, AADSTS7000215). */
  public void expectClientSecret(String secret) {
    tokenEndpoint.expectSecret(secret);
  }

  /** From now on, client assertions must be signed (RS256 or PS256) by this certificate's key. */
  public void trustCertificate(X509Certificate certificate) {
    tokenEndpoint.trust(certificate);
  }

  /** Every token issued so far is refused from now on (401), as after a revocation. */
  public void revokeTokens() {
    tokens.revokeAll();
  }

  /**
   * Answers the next {@code times} requests to the endpoint with the fault instead of serving them.
   *
   * @param endpoint token, remediate, analyzedEmails, hunting or exchange
   */
  public void fault(String endpoint, Fault fault, int times) {
    faults.add(Endpoint.named(endpoint), fault, times);
  }

  /**
   * Refuses (400, nothing applied) a Release-QuarantineMessage naming this identity or a message of
   * this network message id, and a remediation naming this network message id, with the message.
   */
  public void refuse(String identityOrNetworkMessageId, String message) {
    state.refuse(identityOrNetworkMessageId, message);
  }

  /** Accepts remediations and releases of this message but never applies them. */
  public void ignore(String networkMessageId) {
    state.ignore(networkMessageId);
  }

  /** Stops serving, applies the effects still pending and writes the state; once, however often called. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    server.stop(0);
    threads.shutdownNow();
    writer.shutdownNow();
    state.flush();
  }

  private void handle(HttpExchange http) {
    try (http) {
      Instant arrived = clock.instant();
      URI uri = http.getRequestURI();
      String body = new String(http.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      Request request = new Request(http.getRequestMethod(), uri.getPath(),
          uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()), http.getRequestHeaders(), body);
      Endpoint.Match match = Endpoint.of(request.path());
      Reply reply;
      try {
        reply = answer(match, request);
      } catch (RuntimeException e) {
        // A fault of the simulator's own, told to the client the way Graph tells its own.
        reply = Reply.graphError(500, "UnknownError", "The simulator failed: " + e);
      }
      synchronized (requests) {
        requests.add(new RecordedRequest(arrived, match.endpoint().label(), request.method(), request.pathAndQuery(),
            body, reply.status()));
      }
      if (reply != Reply.RESET) {
        send(http, reply);
      }
    } catch (IOException e) {
      // The client went away: nothing more can be said to it.
    }
  }

  private Reply answer(Endpoint.Match match, Request request) {
    Endpoint endpoint = match.endpoint();
    if (endpoint == Endpoint.UNKNOWN) {
      return Reply.graphError(404, "BadRequest", "Resource not found for the segment '" + request.path() + "'.");
    }
    if (endpoint.method() != null && !endpoint.method().equals(request.method())) {
      return Reply.graphError(405, "BadRequest", "The method " + request.method() + " is not allowed on " + request.path() + ".");
    }
    if (endpoint == Endpoint.SIMULATOR) {
      return control(match.group(1), request);
    }
    Fault fault = faults.next(endpoint);
    if (fault != null) {
      if (fault.kind() == Fault.Kind.RESET) {
        return Reply.RESET;
      }
      if (fault.kind() != Fault.Kind.SLOW) {
        return FaultQueue.reply(endpoint, fault);
      }
      pause(fault.delay());
    }
    if (endpoint == Endpoint.TOKEN) {
      return tokenEndpoint.serve(request, match.group(1));
    }
    if (endpoint == Endpoint.EXCHANGE && !match.group(1).equals("beta")) {
      return Reply.empty(405);
    }
    Grant grant = tokens.grant(request.bearerToken());
    if (grant == null || grant.resource() != (endpoint.isGraph() ? Resource.GRAPH : Resource.EXCHANGE)) {
      return unauthorized(endpoint);
    }
    switch (endpoint) {
      case REMEDIATE:
        return graph.remediate(request, grant.tenantId());
      case ANALYZED_EMAILS:
        return graph.analyzedEmails(request, match.group(1).equals("beta"));
      case HUNTING:
        return hunting.serve(request, grant.tenantId());
      default:
        return exchange.serve(request);
    }
  }

  /** 401 as each service answers a request without a valid token of its own resource. */
  static Reply unauthorized(Endpoint endpoint) {
    if (endpoint == Endpoint.EXCHANGE) {
      return Reply.empty(401).withHeader("WWW-Authenticate", "Bearer client_id=\"00000002-0000-0ff1-ce00-000000000000\","
          + " token_types=\"app_asserted_user_v1 service_asserted_app_v1\", error=\"invalid_token\"");
    }
    return Reply.graphError(401, "InvalidAuthenticationToken",
        "Access token validation failure: the token is missing, expired, revoked or for another resource.");
  }

  /** The command line's way in: faults by POST, the state and the request log by GET. */
  private Reply control(String what, Request request) {
    if (what.equals("faults") && request.method().equals("POST")) {
      try {
        JsonNode body = Reply.JSON.readTree(request.body());
        fault(body.path("endpoint").asString(""), fault(body), body.path("times").asInt(1));
        return Reply.empty(204);
      } catch (JacksonException | IllegalArgumentException e) {
        return Reply.text(400, "text/plain; charset=utf-8", "The fault was not added: " + e.getMessage() + "\n");
      }
    }
    if (what.equals("state") && request.method().equals("GET")) {
      return Reply.json(200, Map.of("copies", copies(), "remediations", remediations(), "releases", releases()));
    }
    if (what.equals("requests") && request.method().equals("GET")) {
      return Reply.json(200, requests());
    }
    return Reply.empty(405);
  }

  /**
   * A fault described as {@code {"endpoint":"exchange","fault":"status","status":429,"retryAfterSeconds":10,"times":3}};
   * fault is one of status, forbidden, slow (with delayMillis), reset, malformed.
   */
  private static Fault fault(JsonNode body) {
    switch (body.path("fault").asString("")) {
      case "status":
        return body.has("retryAfterSeconds") ? Fault.status(body.path("status").asInt(), body.path("retryAfterSeconds").asInt())
            : Fault.status(body.path("status").asInt());
      case "forbidden":
        return Fault.forbidden();
      case "slow":
        return Fault.slow(Duration.ofMillis(body.path("delayMillis").asLong()));
      case "reset":
        return Fault.reset();
      case "malformed":
        return Fault.malformed();
      default:
        throw new IllegalArgumentException("fault must be status, forbidden, slow, reset or malformed.");
    }
  }

  private static void pause(Duration delay) {
    try {
      Thread.sleep(delay.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void send(HttpExchange http, Reply reply) throws IOException {
    reply.headers().forEach(http.getResponseHeaders()::set);
    boolean empty = reply.body().length == 0;
    http.sendResponseHeaders(reply.status(), empty ? -1 : reply.body().length);
    if (!empty) {
      try (OutputStream out = http.getResponseBody()) {
        out.write(reply.body());
      }
    }
  }
}

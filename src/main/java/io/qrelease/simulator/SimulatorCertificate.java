package io.qrelease.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The simulator's self-signed certificate for CN=localhost (SAN dns:localhost, ip:127.0.0.1) and a
 * trust store holding just that certificate, both PKCS12 with the password {@value #PASSWORD}. They
 * are made once per state folder by the JDK's own keytool, so that no library is needed and a client
 * JVM can trust the simulator through its standard {@code javax.net.ssl.trustStore} properties.
 */
public final class SimulatorCertificate {

  public static final String PASSWORD = "changeit";
  static final String KEY_STORE = "simulator.p12";
  static final String TRUST_STORE = "truststore.p12";
  private static final String ALIAS = "simulator";
  /** keytool needs about a second for an RSA key; ten years keeps a kept state folder working. */
  private static final String VALIDITY_DAYS = "3650";

  private final Path keyStore;
  private final Path trustStore;

  private SimulatorCertificate(Path keyStore, Path trustStore) {
    this.keyStore = keyStore;
    this.trustStore = trustStore;
  }

  /** The certificate of the folder, made first when the folder has none. */
  static SimulatorCertificate in(Path stateDir) throws IOException {
    Files.createDirectories(stateDir);
    Path keyStore = stateDir.resolve(KEY_STORE);
    Path trustStore = stateDir.resolve(TRUST_STORE);
    if (!Files.exists(keyStore) || !Files.exists(trustStore)) {
      make(stateDir, keyStore, trustStore);
    }
    return new SimulatorCertificate(keyStore, trustStore);
  }

  public Path keyStore() {
    return keyStore;
  }

  public Path trustStore() {
    return trustStore;
  }

  /** What a client JVM needs on its command line (e.g. in JAVA_OPTS) to trust the simulator. */
  public String javaOptions() {
    return "-Djavax.net.ssl.trustStore=" + trustStore.toAbsolutePath()
        + " -Djavax.net.ssl.trustStorePassword=" + PASSWORD + " -Djavax.net.ssl.trustStoreType=PKCS12";
  }

  /** The server side: presents the certificate. */
  SSLContext serverContext() throws IOException {
    try {
      KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keys.init(load(keyStore), PASSWORD.toCharArray());
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keys.getKeyManagers(), null, null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IOException("The simulator's key store " + keyStore + " cannot be used; delete it to have it made anew.", e);
    }
  }

  /** The client side: trusts the certificate and nothing else. */
  public SSLContext clientContext() throws IOException {
    try {
      TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(load(trustStore));
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, trust.getTrustManagers(), null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IOException("The simulator's trust store " + trustStore + " cannot be used; delete it to have it made anew.", e);
    }
  }

  static KeyStore load(Path file) throws IOException, GeneralSecurityException {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(file)) {
      store.load(in, PASSWORD.toCharArray());
    }
    return store;
  }

  private static void make(Path stateDir, Path keyStore, Path trustStore) throws IOException {
    Files.deleteIfExists(keyStore);
    Files.deleteIfExists(trustStore);
    Path exported = stateDir.resolve("simulator.cer");
    keytool("-genkeypair", "-alias", ALIAS, "-keyalg", "RSA", "-keysize", "2048", "-validity", VALIDITY_DAYS,
        "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1",
        "-keystore", keyStore.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD, "-keypass", PASSWORD);
    keytool("-exportcert", "-alias", ALIAS, "-keystore", keyStore.toString(), "-storetype", "PKCS12",
        "-storepass", PASSWORD, "-file", exported.toString());
    keytool("-importcert", "-noprompt", "-alias", ALIAS, "-file", exported.toString(),
        "-keystore", trustStore.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD);
    Files.delete(exported);
  }

  private static void keytool(String... arguments) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    command.addAll(List.of(arguments));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IOException("keytool " + arguments[0] + " did not finish within a minute.");
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException("Interrupted while keytool " + arguments[0] + " ran.", e);
    }
    if (process.exitValue() != 0) {
      throw new IOException("keytool " + arguments[0] + " failed: " + output.strip());
    }
  }
}

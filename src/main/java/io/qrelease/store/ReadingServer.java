package io.qrelease.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.hsqldb.server.Server;
import org.hsqldb.server.ServerConstants;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Lets commands that only read (the Action center, the quarantine page, the executions) look at
 * an embedded database while a run holds it, as a team watching a nightly job from a second
 * terminal needs: the run serves its own database with HSQLDB's server on loopback, to an account
 * that may only read, whose password is new for every run and written beside the database in a
 * file only the same operating-system user can read. A reader sees what the run has committed.
 */
public final class ReadingServer implements AutoCloseable {

  /** How a reading command reaches the run's database. */
  public record Account(String url, String user, String password) {
  }

  private static final String READER = "QRELEASE_READER";
  private static final String DATABASE_NAME = "qrelease";
  private static final String LOOPBACK = "127.0.0.1";

  private final Server server;
  private final JdbcTemplate jdbc;
  private final Path accountFile;

  private ReadingServer(Server server, JdbcTemplate jdbc, Path accountFile) {
    this.server = server;
    this.jdbc = jdbc;
    this.accountFile = accountFile;
  }

  /** Starts serving the open embedded database at {@code file} through the run's own connections. */
  public static ReadingServer start(Path file, String url, JdbcTemplate jdbc) {
    byte[] secret = new byte[24];
    new SecureRandom().nextBytes(secret);
    String password = HexFormat.of().formatHex(secret);
    grantReading(jdbc, password);
    int port = freeLoopbackPort();
    Server server = new Server();
    // Before anything else: until told otherwise the server traces every call to standard output.
    server.setLogWriter((PrintWriter) null);
    server.setErrWriter((PrintWriter) null);
    server.setSilent(true);
    server.setNoSystemExit(true);
    server.setDaemon(true);
    server.setAddress(LOOPBACK);
    server.setPort(port);
    server.setDatabaseName(0, DATABASE_NAME);
    // The path the run opened: HSQLDB hands the server the database this process already has open.
    server.setDatabasePath(0, url.substring("jdbc:hsqldb:".length()));
    server.start();
    if (server.getState() != ServerConstants.SERVER_STATE_ONLINE) {
      server.stop();
      throw new IllegalStateException("HSQLDB's server did not come online on port " + port + " ("
          + server.getStateDescriptor() + ")", server.getServerError());
    }
    Path accountFile = accountFile(file);
    writeAccount(accountFile, new Account("jdbc:hsqldb:hsql://" + LOOPBACK + ":" + port + "/" + DATABASE_NAME, READER,
        password));
    return new ReadingServer(server, jdbc, accountFile);
  }

  /** The account the run holding the database at {@code file} serves it to, if one does. */
  static Optional<Account> account(Path file) {
    Properties account = new Properties();
    try (InputStream in = Files.newInputStream(accountFile(file))) {
      account.load(in);
    } catch (NoSuchFileException none) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + accountFile(file), e);
    }
    return Optional.of(new Account(account.getProperty("url"), account.getProperty("user"),
        account.getProperty("password")));
  }

  /** A new password every run, so that the account of a run killed with kill -9 opens nothing afterwards. */
  private static void grantReading(JdbcTemplate jdbc, String password) {
    boolean exists = jdbc.queryForObject("SELECT COUNT(*) FROM INFORMATION_SCHEMA.SYSTEM_USERS WHERE USER_NAME = ?",
        Integer.class, READER) > 0;
    jdbc.execute((exists ? "ALTER USER " + READER + " SET PASSWORD '" : "CREATE USER " + READER + " PASSWORD '")
        + password + "'");
    List<String> tables = jdbc.queryForList("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES"
        + " WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_TYPE = 'BASE TABLE'", String.class);
    tables.forEach(table -> jdbc.execute("GRANT SELECT ON TABLE \"" + table + "\" TO " + READER));
  }

  private static int freeLoopbackPort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot find a free port on loopback", e);
    }
  }

  private static Path accountFile(Path file) {
    return file.resolveSibling(file.getFileName() + ".reader");
  }

  /** Written whole under another name, readable by this user alone, then moved into place. */
  private static void writeAccount(Path accountFile, Account account) {
    Properties properties = new Properties();
    properties.setProperty("url", account.url());
    properties.setProperty("user", account.user());
    properties.setProperty("password", account.password());
    Path written = accountFile.resolveSibling(accountFile.getFileName() + ".new");
    try {
      Files.deleteIfExists(written);
      try {
        Files.createFile(written, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      } catch (UnsupportedOperationException notPosix) {
        Files.createFile(written);
      } catch (FileAlreadyExistsException e) {
        throw new IllegalStateException("Another process wrote " + written + " meanwhile", e);
      }
      try (OutputStream out = Files.newOutputStream(written, StandardOpenOption.TRUNCATE_EXISTING)) {
        properties.store(out, "How qrelease commands read this database while a run holds it");
      }
      Files.move(written, accountFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + accountFile, e);
    }
  }

  /** Stops serving: the account file goes, the server stops, and the account can no longer sign in. */
  @Override
  public void close() {
    try {
      Files.deleteIfExists(accountFile);
    } catch (IOException e) {
      // Harmless: without the server, the address in the file leads nowhere.
    }
    server.stop();
    jdbc.execute("DROP USER " + READER + " CASCADE");
  }
}

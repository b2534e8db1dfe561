package io.qrelease.simulator;

import io.qrelease.domain.Location;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * What the simulated tenant holds: its mail copies, the remediations and releases it accepted,
 * and their effects still to come. Every method holds the state's lock, and an endpoint that
 * checks and then changes holds it across both (synchronized on this object).
 *
 * <p>The copies, remediations and releases are kept in {@code state.json} in the state folder,
 * written at most once a second after they change and when the simulator closes: 10,000 copies
 * take 6 MB and 85 ms to write (100,000: 68 MB, 0.85 s), too much to write at every release call
 * of a run that makes hundreds. Effects still pending when the simulator closes are applied before
 * the last write, so a restarted simulator shows what the tenant would have become.
 */
final class TenantState {

  static final String FILE = "state.json";

  /** The state file's contents. */
  record Saved(List<SimulatedCopy> copies, List<Remediation> remediations, List<Release> releases) {
  }

  /** A change to one copy that takes effect once its time has come. */
  private record Effect(Instant due, String copyKey, UnaryOperator<SimulatedCopy> change) {
  }

  private final Path file;
  private final Clock clock;
  private final Map<String, SimulatedCopy> copies = new LinkedHashMap<>();
  private final Map<String, List<String>> keysByIdentity = new HashMap<>();
  private final Map<String, List<String>> keysByMessage = new HashMap<>();
  private final List<Remediation> remediations = new ArrayList<>();
  private final List<Release> releases = new ArrayList<>();
  private final List<Effect> pending = new ArrayList<>();
  private final Map<String, String> refusals = new HashMap<>();
  private final Set<String> ignored = new HashSet<>();
  private Duration applyAfter = Duration.ZERO;
  private boolean changed;
  private final Object writing = new Object();

  private TenantState(Path file, Clock clock) {
    this.file = file;
    this.clock = clock;
  }

  /** The state kept in the folder, or an empty tenant when there is none yet. */
  static TenantState load(Path stateDir, Clock clock) throws IOException {
    TenantState state = new TenantState(stateDir.resolve(FILE), clock);
    if (Files.exists(state.file)) {
      Saved saved = Reply.JSON.readValue(state.file.toFile(), Saved.class);
      saved.copies().forEach(state::put);
      state.remediations.addAll(saved.remediations());
      state.releases.addAll(saved.releases());
    }
    return state;
  }

  synchronized void applyAfter(Duration delay) {
    applyAfter = delay;
  }

  synchronized void add(Collection<SimulatedCopy> added) {
    added.forEach(this::put);
    markChanged();
  }

  synchronized List<SimulatedCopy> copies() {
    settleDue();
    return List.copyOf(copies.values());
  }

  /**
   * The copies of these messages (lower-case ids), found by message: a hunting query that names its
   * messages would otherwise look through every copy of the tenant.
   */
  synchronized List<SimulatedCopy> copiesOfMessages(Collection<String> networkMessageIds) {
    settleDue();
    List<SimulatedCopy> found = new ArrayList<>();
    for (String message : networkMessageIds) {
      for (String key : keysByMessage.getOrDefault(message, List.of())) {
        found.add(copies.get(key));
      }
    }
    return found;
  }

  /** The copies of a quarantine identity, compared case-insensitively; empty when it is unknown. */
  synchronized List<SimulatedCopy> copiesOfIdentity(String identity) {
    settleDue();
    List<SimulatedCopy> found = new ArrayList<>();
    for (String key : keysByIdentity.getOrDefault(identity.toLowerCase(Locale.ROOT), List.of())) {
      found.add(copies.get(key));
    }
    return found;
  }

  synchronized SimulatedCopy copy(String networkMessageId, String recipient) {
    settleDue();
    return copies.get(key(networkMessageId, recipient));
  }

  synchronized List<Remediation> remediations() {
    return List.copyOf(remediations);
  }

  synchronized List<Release> releases() {
    return List.copyOf(releases);
  }

  synchronized void refuse(String identityOrNetworkMessageId, String message) {
    refusals.put(identityOrNetworkMessageId.toLowerCase(Locale.ROOT), message);
  }

  /** The message the tenant refuses this identity or network message id with, or null. */
  synchronized String refusal(String identityOrNetworkMessageId) {
    return refusals.get(identityOrNetworkMessageId.toLowerCase(Locale.ROOT));
  }

  synchronized void ignore(String networkMessageId) {
    ignored.add(networkMessageId.toLowerCase(Locale.ROOT));
  }

  /** Records the remediation and moves the copies it names that the tenant has (and does not ignore). */
  synchronized void accept(Remediation remediation, Location destination) {
    remediations.add(remediation);
    for (Remediation.Entity entity : remediation.entities()) {
      SimulatedCopy copy = copies.get(key(entity.networkMessageId(), entity.recipientEmailAddress()));
      if (copy != null && !ignored.contains(copy.networkMessageId())) {
        schedule(copy.key(), moved -> moved.location() == Location.Quarantine && destination == Location.Inbox
            ? moved.released() : moved.withLocation(destination));
      }
    }
    settle();
    markChanged();
  }

  /** Records the release and releases the copies given, unless the tenant ignores their message. */
  synchronized void accept(Release release, List<SimulatedCopy> released) {
    releases.add(release);
    for (SimulatedCopy copy : released) {
      if (ignored.contains(copy.networkMessageId())) {
        continue;
      }
      if (!applyAfter.isZero()) {
        copies.put(copy.key(), copy.withReleaseStatus("PreparingToRelease"));
      }
      schedule(copy.key(), SimulatedCopy::released);
    }
    settle();
    markChanged();
  }

  /** Applies every pending effect at once and writes the state, as the simulator closes. */
  synchronized void flush() {
    for (Effect effect : pending) {
      copies.computeIfPresent(effect.copyKey(), (key, copy) -> effect.change().apply(copy));
    }
    pending.clear();
    changed = false;
    write(snapshot());
  }

  private void schedule(String copyKey, UnaryOperator<SimulatedCopy> change) {
    pending.add(new Effect(clock.instant().plus(applyAfter), copyKey, change));
  }

  private void settleDue() {
    if (settle()) {
      markChanged();
    }
  }

  /** Applies the effects whose time has come, in the order they were accepted; whether there were any. */
  private boolean settle() {
    Instant now = clock.instant();
    boolean changed = false;
    for (Iterator<Effect> effects = pending.iterator(); effects.hasNext(); ) {
      Effect effect = effects.next();
      if (!effect.due().isAfter(now)) {
        copies.computeIfPresent(effect.copyKey(), (key, copy) -> effect.change().apply(copy));
        effects.remove();
        changed = true;
      }
    }
    return changed;
  }

  private static String key(String networkMessageId, String recipient) {
    return networkMessageId.toLowerCase(Locale.ROOT) + "|" + recipient.toLowerCase(Locale.ROOT);
  }

  private void put(SimulatedCopy copy) {
    SimulatedCopy before = copies.put(copy.key(), copy);
    if (before == null && copy.identity() != null) {
      keysByIdentity.computeIfAbsent(copy.identity().toLowerCase(Locale.ROOT), identity -> new ArrayList<>()).add(copy.key());
    }
    if (before == null) {
      keysByMessage.computeIfAbsent(copy.networkMessageId(), message -> new ArrayList<>()).add(copy.key());
    }
  }

  /**
   * Writes the state when it changed, from a snapshot taken under the lock and written outside it:
   * writing 100,000 copies takes most of a second, which held every request up while it lasted.
   */
  void saveIfChanged() {
    Saved snapshot;
    synchronized (this) {
      if (!changed) {
        return;
      }
      changed = false;
      snapshot = snapshot();
    }
    write(snapshot);
  }

  private Saved snapshot() {
    return new Saved(List.copyOf(copies.values()), List.copyOf(remediations), List.copyOf(releases));
  }

  private void markChanged() {
    changed = true;
  }

  /** Writes a new file and moves it over the old one, so that a crash never leaves half a state. */
  /** One writer at a time: the saving thread and the closing one. */
  private void write(Saved snapshot) {
    synchronized (writing) {
      writeFile(snapshot);
    }
  }

  private void writeFile(Saved snapshot) {
    try {
      Path written = file.resolveSibling(FILE + ".new");
      Reply.JSON.writeValue(written.toFile(), snapshot);
      Files.move(written, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("The simulator could not write its state to " + file + ".", e);
    }
  }
}

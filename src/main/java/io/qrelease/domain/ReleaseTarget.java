package io.qrelease.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Which recipients of a selected message an action is for: the row's recipient (every recipient
 * when the row names none), every recipient, or a fixed list of addresses.
 */
public sealed interface ReleaseTarget {

  /** The option's canonical text, part of what identifies a run. */
  String option();

  /** The entities one selection row stands for, given every copy the store holds of its message. */
  List<Candidate> candidates(String networkMessageId, String rowRecipient, List<MailCopy> copiesOfMessage);

  static ReleaseTarget parse(String option) {
    String value = option == null ? "" : option.trim();
    if (value.isEmpty() || value.equalsIgnoreCase("row")) {
      return new RowRecipient();
    }
    if (value.equalsIgnoreCase("all")) {
      return new AllRecipients();
    }
    List<String> addresses = Arrays.stream(value.split("[,;]"))
        .map(EntityKey::normalize).filter(address -> !address.isEmpty()).distinct().sorted().toList();
    Optional<String> invalid = addresses.stream().filter(address -> !EntityKey.isAddress(address)).findFirst();
    if (invalid.isPresent() || addresses.isEmpty()) {
      throw new IllegalArgumentException("'" + invalid.orElse(value)
          + "' is not row, all or a comma-separated list of addresses");
    }
    return new Addresses(addresses);
  }

  private static Optional<Candidate> malformed(String networkMessageId, String rowRecipient) {
    boolean wellFormed = EntityKey.isMessageId(networkMessageId)
        && (EntityKey.normalize(rowRecipient).isEmpty() || EntityKey.isAddress(rowRecipient));
    return wellFormed ? Optional.empty()
        : Optional.of(new Candidate(new EntityKey(networkMessageId, rowRecipient), false, null, false));
  }

  private static List<Candidate> everyCopyOr(String networkMessageId, String rowRecipient, List<MailCopy> copies) {
    if (copies.isEmpty()) {
      return List.of(new Candidate(new EntityKey(networkMessageId, rowRecipient), true, null, false));
    }
    return copies.stream().map(copy -> new Candidate(copy.key(), true, copy, false)).toList();
  }

  /**
   * Only an address the operator typed into --release-to can fail to be an original recipient; a
   * row's own recipient that the store lacks is simply a copy it has not imported (NotFound).
   */
  private static Candidate named(String networkMessageId, String recipient, List<MailCopy> copies,
      boolean namedByReleaseTo) {
    EntityKey key = new EntityKey(networkMessageId, recipient);
    MailCopy copy = copies.stream().filter(c -> c.key().equals(key)).findFirst().orElse(null);
    return new Candidate(key, true, copy, namedByReleaseTo && copy == null && !copies.isEmpty());
  }

  record RowRecipient() implements ReleaseTarget {
    public String option() {
      return "row";
    }

    public List<Candidate> candidates(String networkMessageId, String rowRecipient, List<MailCopy> copies) {
      return malformed(networkMessageId, rowRecipient).map(List::of).orElseGet(() ->
          EntityKey.normalize(rowRecipient).isEmpty()
              ? everyCopyOr(networkMessageId, rowRecipient, copies)
              : List.of(named(networkMessageId, rowRecipient, copies, false)));
    }
  }

  record AllRecipients() implements ReleaseTarget {
    public String option() {
      return "all";
    }

    public List<Candidate> candidates(String networkMessageId, String rowRecipient, List<MailCopy> copies) {
      return malformed(networkMessageId, rowRecipient).map(List::of)
          .orElseGet(() -> everyCopyOr(networkMessageId, rowRecipient, copies));
    }
  }

  record Addresses(List<String> addresses) implements ReleaseTarget {
    public String option() {
      return String.join(",", addresses);
    }

    public List<Candidate> candidates(String networkMessageId, String rowRecipient, List<MailCopy> copies) {
      Optional<Candidate> malformed = malformed(networkMessageId, rowRecipient);
      if (malformed.isPresent()) {
        return List.of(malformed.get());
      }
      List<Candidate> candidates = new ArrayList<>(addresses.size());
      for (String address : addresses) {
        candidates.add(named(networkMessageId, address, copies, true));
      }
      return candidates;
    }
  }
}

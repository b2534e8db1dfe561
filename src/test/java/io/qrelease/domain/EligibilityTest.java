package io.qrelease.domain;

import static io.qrelease.domain.Location.DeletedFolder;
import static io.qrelease.domain.Location.Dropped;
import static io.qrelease.domain.Location.Failed;
import static io.qrelease.domain.Location.Inbox;
import static io.qrelease.domain.Location.JunkFolder;
import static io.qrelease.domain.Location.OnPremExternal;
import static io.qrelease.domain.Location.Quarantine;
import static io.qrelease.domain.QuarantineType.HighConfPhish;
import static io.qrelease.domain.QuarantineType.Malware;
import static io.qrelease.domain.QuarantineType.Phish;
import static io.qrelease.domain.QuarantineType.SPOMalware;
import static io.qrelease.domain.QuarantineType.Spam;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** SPEC §4's table, one or more rows per rule, each read as "given this entity and action, the verdict is". */
class EligibilityTest {

  private static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");
  private static final String MESSAGE = "5f0c6a1e-2b7d-4c3e-9a8f-0123456789ab";

  private static final Operator ADMINISTRATOR =
      new Operator("secops-admin@contoso.com", Role.SecurityAdministrator, new Scope(List.of("*")));
  private static final Operator ANALYST =
      new Operator("analyst@contoso.com", Role.SecurityOperator, new Scope(List.of("contoso.com", "ceo@fabrikam.com")));
  private static final Operator AUDITOR =
      new Operator("auditor@contoso.com", Role.SecurityReader, new Scope(List.of("*")));

  /** Spelled out here rather than read from QuarantineType, so the test checks the enum against SPEC §4. */
  private static final Set<QuarantineType> ADMIN_ONLY = EnumSet.of(Malware, HighConfPhish, SPOMalware);

  record Case(String behaviour, Candidate candidate, ActionRequest request, Verdict expected) {
    @Override
    public String toString() {
      return behaviour;
    }
  }

  static Stream<Case> rules() {
    return Stream.of(
        Stream.of(
            row("1: a malformed row is Skipped as InvalidRow",
                malformedRow(), release(ANALYST), skipped(Reason.InvalidRow)),
            row("1 before 4: a malformed row is Skipped as InvalidRow even if a copy already sits in the Inbox",
                new Candidate(new EntityKey("not-a-guid", "user@contoso.com"), false, Copy.in(Inbox).mail(), false),
                moveToInbox(ANALYST), skipped(Reason.InvalidRow)),

            row("2: a copy the store does not hold is Skipped as NotFound",
                notInStore("user@contoso.com"), release(ANALYST), skipped(Reason.NotFound)),
            row("2: an address named in --release-to that is not a recipient of a known message is Skipped as NotOriginalRecipient",
                notOriginalRecipient("stranger@contoso.com"), release(ANALYST), skipped(Reason.NotOriginalRecipient)),
            row("2 before 3: a copy the store does not hold is NotFound even outside the operator's scope",
                notInStore("someone@fabrikam.com"), release(ANALYST), skipped(Reason.NotFound)),

            row("3: a recipient in a domain outside the operator's scope is Skipped as OutOfScope",
                Copy.in(Quarantine).to("someone@fabrikam.com").candidate(), release(ANALYST), skipped(Reason.OutOfScope)),
            row("3: a scope domain does not cover its subdomains, so eu.contoso.com is OutOfScope for contoso.com",
                Copy.in(Quarantine).to("user@eu.contoso.com").candidate(), release(ANALYST), skipped(Reason.OutOfScope)),
            row("3: an address named in the scope is covered although its domain is not",
                Copy.in(Quarantine).to("ceo@fabrikam.com").candidate(), release(ANALYST), Verdict.SUCCESS),
            row("3: scope * covers any recipient",
                Copy.in(Quarantine).to("someone@fabrikam.com").candidate(), release(ADMINISTRATOR), Verdict.SUCCESS),
            row("3 before 7: an out-of-scope copy that has also expired is OutOfScope",
                Copy.in(Quarantine).to("someone@fabrikam.com").expiring(NOW.minusSeconds(1)).candidate(),
                release(ANALYST), skipped(Reason.OutOfScope)),
            row("3 before 4: an out-of-scope copy already in the Inbox is OutOfScope",
                Copy.in(Inbox).to("someone@fabrikam.com").candidate(), moveToInbox(ANALYST), skipped(Reason.OutOfScope)),

            row("4: a copy in the Inbox is AlreadyInDestination for move-to-inbox",
                Copy.in(Inbox).candidate(), moveToInbox(ANALYST), Verdict.ALREADY_IN_DESTINATION),
            row("4 before 6: a copy in the Inbox is AlreadyInDestination, not NotQuarantined, for release",
                Copy.in(Inbox).candidate(), release(ANALYST), Verdict.ALREADY_IN_DESTINATION),
            row("4 before 8: an admin-only Malware copy in the Inbox is AlreadyInDestination for a SecurityOperator",
                Copy.in(Inbox).typed(Malware).candidate(), moveToInbox(ANALYST), Verdict.ALREADY_IN_DESTINATION),
            row("4: a released copy back in Quarantine is AlreadyInDestination without --force",
                Copy.in(Quarantine).status(ReleaseStatus.Released).candidate(), release(ANALYST),
                Verdict.ALREADY_IN_DESTINATION),
            row("4: --force releases a released copy back in Quarantine again",
                Copy.in(Quarantine).status(ReleaseStatus.Released).candidate(), forced(release(ANALYST)),
                Verdict.SUCCESS),
            row("4: --force does not move a copy already in the Inbox",
                Copy.in(Inbox).candidate(), forced(moveToInbox(ANALYST)), Verdict.ALREADY_IN_DESTINATION),
            row("4: an Approved release request has released the copy, so it is AlreadyInDestination without --force",
                Copy.in(Quarantine).status(ReleaseStatus.Approved).candidate(), release(ANALYST),
                Verdict.ALREADY_IN_DESTINATION),
            row("4 before 5: a released copy whose delivery later Failed is AlreadyInDestination without --force",
                Copy.in(Failed).status(ReleaseStatus.Released).candidate(), moveToInbox(ANALYST),
                Verdict.ALREADY_IN_DESTINATION),
            row("4: a copy whose release was only Requested by the user is released",
                Copy.in(Quarantine).status(ReleaseStatus.Requested).candidate(), release(ANALYST), Verdict.SUCCESS),
            row("4: a copy whose release request was Denied can still be released by an operator",
                Copy.in(Quarantine).status(ReleaseStatus.Denied).candidate(), release(ANALYST), Verdict.SUCCESS),

            row("5: a Failed copy is Skipped as Undeliverable",
                Copy.in(Failed).candidate(), moveToInbox(ANALYST), skipped(Reason.Undeliverable)),
            row("5: a Dropped copy is Skipped as Undeliverable",
                Copy.in(Dropped).candidate(), moveToInbox(ANALYST), skipped(Reason.Undeliverable)),
            row("5: an OnPremExternal copy is Skipped as Undeliverable",
                Copy.in(OnPremExternal).candidate(), moveToInbox(ANALYST), skipped(Reason.Undeliverable)),
            row("5 before 6: a Failed copy is Undeliverable, not NotQuarantined, for release",
                Copy.in(Failed).candidate(), release(ANALYST), skipped(Reason.Undeliverable)),
            row("5: --force does not make a Dropped copy deliverable",
                Copy.in(Dropped).candidate(), forced(moveToInbox(ANALYST)), skipped(Reason.Undeliverable)),

            row("6: release skips a JunkFolder copy as NotQuarantined",
                Copy.in(JunkFolder).candidate(), release(ANALYST), skipped(Reason.NotQuarantined)),
            row("6: release skips a DeletedFolder copy as NotQuarantined",
                Copy.in(DeletedFolder).candidate(), release(ANALYST), skipped(Reason.NotQuarantined)),
            row("6: move-to-inbox moves a JunkFolder copy",
                Copy.in(JunkFolder).candidate(), moveToInbox(ANALYST), Verdict.SUCCESS),
            row("6: move-to-inbox moves a DeletedFolder copy",
                Copy.in(DeletedFolder).candidate(), moveToInbox(ANALYST), Verdict.SUCCESS),
            row("6 before 8: release skips a JunkFolder copy of an admin-only type as NotQuarantined",
                Copy.in(JunkFolder).typed(HighConfPhish).candidate(), release(ANALYST), skipped(Reason.NotQuarantined)),

            row("7: a quarantined copy that expired one second ago is Skipped as Expired",
                Copy.in(Quarantine).expiring(NOW.minusSeconds(1)).candidate(), release(ANALYST), skipped(Reason.Expired)),
            row("7: a quarantined copy that expires exactly now is not yet past its expiry and is released",
                Copy.in(Quarantine).expiring(NOW).candidate(), release(ANALYST), Verdict.SUCCESS),
            row("7: a quarantined copy without an expiry date is released",
                Copy.in(Quarantine).expiring(null).candidate(), release(ANALYST), Verdict.SUCCESS),
            row("7: expiry only counts in Quarantine, so a JunkFolder copy with a past expiry is moved",
                Copy.in(JunkFolder).expiring(NOW.minus(Duration.ofDays(1))).candidate(), moveToInbox(ANALYST),
                Verdict.SUCCESS),
            row("7: move-to-inbox also skips an expired quarantined copy",
                Copy.in(Quarantine).expiring(NOW.minusSeconds(1)).candidate(), moveToInbox(ANALYST),
                skipped(Reason.Expired)),
            row("7 before 8: an expired Malware copy is Expired, not AdminOnly, for a SecurityOperator",
                Copy.in(Quarantine).typed(Malware).expiring(NOW.minusSeconds(1)).candidate(), release(ANALYST),
                skipped(Reason.Expired)),

            row("8: a JunkFolder copy of an admin-only type is AdminOnly for a SecurityOperator whatever its location",
                Copy.in(JunkFolder).typed(SPOMalware).candidate(), moveToInbox(ANALYST), skipped(Reason.AdminOnly)),
            row("8: a SecurityReader may not act on an admin-only type either",
                Copy.in(Quarantine).typed(Malware).candidate(), release(AUDITOR), skipped(Reason.AdminOnly)),

            row("9: a quarantined Phish copy in scope is released",
                Copy.in(Quarantine).typed(Phish).candidate(), release(ANALYST), Verdict.SUCCESS),
            row("9: move-to-inbox takes a quarantined copy to the Inbox",
                Copy.in(Quarantine).candidate(), moveToInbox(ANALYST), Verdict.SUCCESS)),
        everyQuarantineTypeForEachRole()).flatMap(rows -> rows);
  }

  /** Rule 8 across the whole type list, so a type added to or dropped from the admin-only set shows here. */
  private static Stream<Case> everyQuarantineTypeForEachRole() {
    return Arrays.stream(QuarantineType.values()).flatMap(type -> Stream.of(
        row("8: a quarantined " + type + " copy is released by a SecurityAdministrator",
            Copy.in(Quarantine).typed(type).candidate(), release(ADMINISTRATOR), Verdict.SUCCESS),
        ADMIN_ONLY.contains(type)
            ? row("8: a quarantined " + type + " copy is Skipped as AdminOnly for a SecurityOperator",
                Copy.in(Quarantine).typed(type).candidate(), release(ANALYST), skipped(Reason.AdminOnly))
            : row("8: a quarantined " + type + " copy is released by a SecurityOperator",
                Copy.in(Quarantine).typed(type).candidate(), release(ANALYST), Verdict.SUCCESS)));
  }

  @ParameterizedTest(name = "rule {0}")
  @MethodSource("rules")
  void theFirstMatchingRuleDecidesTheVerdict(Case rule) {
    // when
    Verdict verdict = new Eligibility(rule.request()).decide(rule.candidate());

    // then
    assertThat(verdict).isEqualTo(rule.expected());
  }

  private static Case row(String behaviour, Candidate candidate, ActionRequest request, Verdict expected) {
    return new Case(behaviour, candidate, request, expected);
  }

  private static Verdict skipped(Reason reason) {
    return Verdict.skipped(reason);
  }

  private static ActionRequest release(Operator operator) {
    return new ActionRequest(ActionType.Release, operator, false, NOW);
  }

  private static ActionRequest moveToInbox(Operator operator) {
    return new ActionRequest(ActionType.MoveToInbox, operator, false, NOW);
  }

  private static ActionRequest forced(ActionRequest request) {
    return new ActionRequest(request.action(), request.operator(), true, request.now());
  }

  private static Candidate malformedRow() {
    return new Candidate(new EntityKey("not-a-guid", "user@contoso.com"), false, null, false);
  }

  private static Candidate notInStore(String recipient) {
    return new Candidate(new EntityKey(MESSAGE, recipient), true, null, false);
  }

  private static Candidate notOriginalRecipient(String recipient) {
    return new Candidate(new EntityKey(MESSAGE, recipient), true, null, true);
  }

  /** A store row for user@contoso.com that every rule lets through until a row of the table changes one field. */
  private record Copy(String recipient, Location location, QuarantineType type, Instant expiresAt, ReleaseStatus status) {

    static Copy in(Location location) {
      return new Copy("user@contoso.com", location, location == Quarantine ? Spam : null,
          NOW.plus(Duration.ofDays(30)), ReleaseStatus.NotReleased);
    }

    Copy to(String address) {
      return new Copy(address, location, type, expiresAt, status);
    }

    Copy typed(QuarantineType quarantineType) {
      return new Copy(recipient, location, quarantineType, expiresAt, status);
    }

    Copy expiring(Instant at) {
      return new Copy(recipient, location, type, at, status);
    }

    Copy status(ReleaseStatus releaseStatus) {
      return new Copy(recipient, location, type, expiresAt, releaseStatus);
    }

    MailCopy mail() {
      return new MailCopy(MESSAGE, "<id@contoso.com>", recipient, "sender@fabrikam.com", "Invoice",
          NOW.minus(Duration.ofDays(2)), location, type, "AntiSpam", "Default", expiresAt, status, null);
    }

    Candidate candidate() {
      return new Candidate(new EntityKey(MESSAGE, recipient), true, mail(), false);
    }
  }
}

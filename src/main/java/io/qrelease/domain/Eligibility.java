package io.qrelease.domain;

/** The eligibility and scope rules: the first rule that matches decides an entity's fate. */
public final class Eligibility {

  private final ActionRequest request;

  public Eligibility(ActionRequest request) {
    this.request = request;
  }

  public Verdict decide(Candidate candidate) {
    if (!candidate.wellFormed()) {
      return Verdict.skipped(Reason.InvalidRow);
    }
    MailCopy copy = candidate.copy();
    if (copy == null) {
      return Verdict.skipped(candidate.notOriginalRecipient() ? Reason.NotOriginalRecipient : Reason.NotFound);
    }
    Operator operator = request.operator();
    if (!operator.scope().covers(copy.recipient())) {
      return Verdict.skipped(Reason.OutOfScope);
    }
    if (copy.location() == Location.Inbox || (copy.released() && !request.force())) {
      return Verdict.ALREADY_IN_DESTINATION;
    }
    if (copy.location().undeliverable()) {
      return Verdict.skipped(Reason.Undeliverable);
    }
    if (!request.action().actsFrom().contains(copy.location())) {
      return Verdict.skipped(Reason.NotQuarantined);
    }
    if (copy.expiredAt(request.now())) {
      return Verdict.skipped(Reason.Expired);
    }
    if (copy.quarantineType() != null && copy.quarantineType().adminOnly()
        && !operator.role().mayReleaseAdminOnlyTypes()) {
      return Verdict.skipped(Reason.AdminOnly);
    }
    return Verdict.SUCCESS;
  }
}

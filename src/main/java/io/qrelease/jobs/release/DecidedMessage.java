package io.qrelease.jobs.release;

import io.qrelease.domain.MailCopy;
import io.qrelease.store.AuditEntry;
import java.util.List;

/**
 * What the rules decided for every entity of one message, with the copy each Success releases.
 *
 * @param copies every copy the store holds of the message, as the rules saw them
 * @param requested the entities the message's staged rows asked for, repeats included
 * @param duplicates how many of them collapsed into an entity asked for earlier
 */
public record DecidedMessage(List<Decision> decisions, List<MailCopy> copies, long requested, long duplicates) {

  /** One entity's audit row and, for a Success, the copy to release (null otherwise). */
  public record Decision(AuditEntry audit, MailCopy release) {
  }
}

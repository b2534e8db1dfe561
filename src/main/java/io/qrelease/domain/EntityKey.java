package io.qrelease.domain;

import java.util.Locale;

/**
 * An entity of an action: one message for one recipient. Every row of a release is checked here, so the checks walk
 * the text once by hand instead of through a regular expression.
 */
public record EntityKey(String networkMessageId, String recipient) {

  private static final int GUID_LENGTH = 36;
  /** RFC 5321's 64 characters of local part, the at sign and 255 of domain: what the store's recipient column holds. */
  private static final int MAX_ADDRESS_LENGTH = 320;

  public EntityKey {
    networkMessageId = normalize(networkMessageId);
    recipient = normalize(recipient);
  }

  public static String normalize(String value) {
    return value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
  }

  /** A GUID in lower-case hex once normalized, so an export in upper case names the same message. */
  public static boolean isMessageId(String value) {
    return isGuid(normalize(value));
  }

  /** A GUID as written, in lower-case hex: 8-4-4-4-12 digits. */
  public static boolean isGuid(String id) {
    if (id.length() != GUID_LENGTH) {
      return false;
    }
    for (int i = 0; i < GUID_LENGTH; i++) {
      char c = id.charAt(i);
      boolean hexDigit = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
      if (guidHyphenAt(i) ? c != '-' : !hexDigit) {
        return false;
      }
    }
    return true;
  }

  /** The hyphens of a GUID's 8-4-4-4-12 groups. */
  private static boolean guidHyphenAt(int index) {
    return index == 8 || index == 13 || index == 18 || index == 23;
  }

  /**
   * A local part, one at sign, and a domain with a dot that neither starts nor ends it: what a recipient must be to
   * name a mailbox, so a pasted list or a display name is a malformed row rather than an unknown recipient.
   */
  public static boolean isAddress(String value) {
    String address = normalize(value);
    if (address.length() > MAX_ADDRESS_LENGTH) {
      return false;
    }
    int last = address.length() - 1;
    int at = -1;
    boolean dottedDomain = false;
    for (int i = 0; i <= last; i++) {
      char c = address.charAt(i);
      if (c == '@' && at < 0 && i > 0) {
        at = i;
      } else if (!inAddressPart(c)) {
        return false;
      } else if (c == '.' && at >= 0 && i > at + 1 && i < last) {
        dottedDomain = true;
      }
    }
    return dottedDomain;
  }

  /**
   * Control characters and U+FFFD (what a byte that is not UTF-8 decodes to) are never part of an address, so a
   * damaged recipient is a malformed row rather than an unknown one; nor are white space and what separates or
   * encloses the addresses of a list. Non-ASCII letters are, in international addresses. Every character up to the
   * space is a control character or white space, and none of those excluded is outside the BMP, so a char at a time
   * tells.
   */
  private static boolean inAddressPart(char c) {
    return c > ' ' && c != '\u007F' && switch (c) {
      case '@', ';', ',', '<', '>', '"', '\uFFFD' -> false;
      default -> true;
    };
  }

  public boolean wellFormed() {
    return isMessageId(networkMessageId) && isAddress(recipient);
  }
}

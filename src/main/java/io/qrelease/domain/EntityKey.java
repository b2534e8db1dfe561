package io.qrelease.domain;

import java.util.Locale;
import java.util.regex.Pattern;

/** An entity of an action: one message for one recipient. */
public record EntityKey(String networkMessageId, String recipient) {

  private static final Pattern GUID =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
  /**
   * Control characters and U+FFFD (what a byte that is not UTF-8 decodes to) are never part of an address, so a
   * damaged recipient is a malformed row rather than an unknown one. Non-ASCII letters are, in international addresses.
   */
  private static final String ADDRESS_PART = "[^@\\s;,<>\"\\p{Cntrl}\uFFFD]+";
  private static final Pattern ADDRESS = Pattern.compile(ADDRESS_PART + "@" + ADDRESS_PART + "\\." + ADDRESS_PART);
  /** RFC 5321's 64 characters of local part, the at sign and 255 of domain: what the store's recipient column holds. */
  private static final int MAX_ADDRESS_LENGTH = 320;

  public EntityKey {
    networkMessageId = normalize(networkMessageId);
    recipient = normalize(recipient);
  }

  public static String normalize(String value) {
    return value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
  }

  public static boolean isMessageId(String value) {
    return GUID.matcher(normalize(value)).matches();
  }

  public static boolean isAddress(String value) {
    String address = normalize(value);
    return address.length() <= MAX_ADDRESS_LENGTH && ADDRESS.matcher(address).matches();
  }

  public boolean wellFormed() {
    return isMessageId(networkMessageId) && isAddress(recipient);
  }
}

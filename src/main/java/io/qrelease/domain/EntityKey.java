package io.qrelease.domain;

import java.util.Locale;
import java.util.regex.Pattern;

/** An entity of an action: one message for one recipient. */
public record EntityKey(String networkMessageId, String recipient) {

  private static final Pattern GUID =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
  private static final Pattern ADDRESS = Pattern.compile("[^@\\s;,<>\"]+@[^@\\s;,<>\"]+\\.[^@\\s;,<>\"]+");

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
    return ADDRESS.matcher(normalize(value)).matches();
  }

  public boolean wellFormed() {
    return isMessageId(networkMessageId) && isAddress(recipient);
  }
}

package dev.kiln.emulator.internal;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Identifiers shaped like Databricks' own. */
final class Ids {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final char[] HEX = "0123456789abcdef".toCharArray();
  private static final DateTimeFormatter CLUSTER_ID_PREFIX =
      DateTimeFormatter.ofPattern("MMdd-HHmmss").withZone(ZoneOffset.UTC);

  private Ids() {}

  /** {@code 01ef...-....}: statement and saved-query ids are UUIDs. */
  static String uuid() {
    return UUID.randomUUID().toString();
  }

  /** 32 hex digits, like Genie space, conversation, message and attachment ids. */
  static String hex32() {
    return hex(16);
  }

  /** 16 hex digits, like SQL warehouse ids. */
  /** A workspace id as Databricks prints it: a positive 16-digit number. */
  static String workspaceId() {
    return Long.toString(1_000_000_000_000_000L + (RANDOM.nextLong() & Long.MAX_VALUE) % 9_000_000_000_000_000L);
  }

  static String hex16() {
    return hex(8);
  }

  /** {@code 1121-193600-a1b2c3d4} (UTC month, day and time of {@code now}, 8 hex digits), like cluster ids. */
  static String clusterId(Instant now) {
    return CLUSTER_ID_PREFIX.format(now) + "-" + hex(4);
  }

  /** A large decimal number, like execution context ids. */
  static String contextId() {
    return Long.toString(ThreadLocalRandom.current().nextLong(1_000_000_000_000_000_000L, Long.MAX_VALUE));
  }

  /** A personal access token: {@code dapi} and 32 hex digits. */
  static String personalAccessToken() {
    return "dapi" + hex(16);
  }

  /** An unguessable URL-safe token. */
  static String urlToken() {
    byte[] bytes = new byte[24];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  static byte[] randomBytes(int count) {
    byte[] bytes = new byte[count];
    RANDOM.nextBytes(bytes);
    return bytes;
  }

  static String hex(byte[] bytes) {
    char[] out = new char[bytes.length * 2];
    for (int i = 0; i < bytes.length; i++) {
      out[2 * i] = HEX[(bytes[i] >> 4) & 0xf];
      out[2 * i + 1] = HEX[bytes[i] & 0xf];
    }
    return new String(out);
  }

  private static String hex(int byteCount) {
    return hex(randomBytes(byteCount));
  }
}

package dev.kiln.emulator.internal;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;

/** Identifiers shaped like Databricks' own. */
final class Ids {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final char[] HEX = "0123456789abcdef".toCharArray();

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
  static String hex16() {
    return hex(8);
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

package dev.kiln.core.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Properties;

/** Builds {@code kiln/<version> java/<version> os/<name> auth/<type> [suffix]}. */
public final class UserAgent {
  public static final String KILN_VERSION = readVersion();

  private UserAgent() {}

  public static String of(String authType, String suffix) {
    String os = System.getProperty("os.name", "unknown").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]", "");
    String ua = "kiln/" + KILN_VERSION + " java/" + System.getProperty("java.version", "unknown")
        + " os/" + os + " auth/" + authType;
    return suffix == null ? ua : ua + " " + suffix;
  }

  /** Suffixes are {@code product/version} tokens; anything else could break the header. */
  public static String validateSuffix(String suffix) {
    if (suffix == null || suffix.isBlank()) {
      return null;
    }
    String s = suffix.strip();
    if (!s.matches("[A-Za-z0-9!#$%&'*+.^_`|~/ -]+")) {
      throw new IllegalArgumentException("user agent suffix may only hold visible ASCII token characters: " + suffix);
    }
    return s;
  }

  private static String readVersion() {
    try (InputStream in = UserAgent.class.getResourceAsStream("/dev/kiln/core/kiln-version.properties")) {
      if (in == null) {
        return "dev";
      }
      Properties p = new Properties();
      p.load(in);
      String v = p.getProperty("version", "dev");
      return v.startsWith("$") ? "dev" : v;
    } catch (IOException e) {
      return "dev";
    }
  }
}

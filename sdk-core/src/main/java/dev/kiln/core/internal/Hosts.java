package dev.kiln.core.internal;

import dev.kiln.core.error.ConfigurationException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** Normalises a workspace host to {@code scheme://host[:port]}. */
public final class Hosts {
  private Hosts() {}

  /**
   * Accepts {@code adb-1.2.azuredatabricks.net}, {@code https://...} with or without a trailing
   * slash or path. HTTPS is required, except plain HTTP to a loopback address for local servers.
   */
  public static URI normalize(String given) {
    if (given == null || given.isBlank()) {
      throw new ConfigurationException("no workspace host: set DATABRICKS_HOST or pass a host to the builder");
    }
    String s = given.strip();
    String raw = withoutUserInfo(s); // only ever shown in messages: a URL's userinfo may hold a password
    if (!s.contains("://")) {
      s = "https://" + s;
    }
    URI uri;
    try {
      uri = new URI(s);
    } catch (URISyntaxException e) {
      throw new ConfigurationException("workspace host is not a valid URL: " + raw + " (" + e.getReason() + ")");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    String host = uri.getHost();
    if (host == null || host.isEmpty()) {
      throw new ConfigurationException("workspace host has no host name: " + raw);
    }
    if ("http".equals(scheme)) {
      if (!isLoopback(host)) {
        throw new ConfigurationException("plain http is only allowed for loopback hosts (localhost, 127.0.0.1, [::1]); use https://" + host);
      }
    } else if (!"https".equals(scheme)) {
      throw new ConfigurationException("workspace host must use https, was: " + scheme);
    }
    String h = host.toLowerCase(Locale.ROOT);
    try {
      return new URI(scheme, null, h, uri.getPort(), null, null, null);
    } catch (URISyntaxException e) {
      throw new ConfigurationException("workspace host is not a valid URL: " + raw + " (" + e.getReason() + ")");
    }
  }

  /** {@code url} with any {@code user:password@} before the host replaced by {@code ***@}. */
  static String withoutUserInfo(String url) {
    int schemeEnd = url.indexOf("://");
    int authorityStart = schemeEnd < 0 ? 0 : schemeEnd + 3;
    int authorityEnd = authorityStart;
    while (authorityEnd < url.length() && "/?#".indexOf(url.charAt(authorityEnd)) < 0) {
      authorityEnd++;
    }
    int at = url.lastIndexOf('@', authorityEnd - 1);
    if (at < authorityStart) {
      return url;
    }
    return url.substring(0, authorityStart) + "***" + url.substring(at);
  }

  /** True for {@code localhost} and loopback addresses (no DNS lookup for other names). */
  public static boolean isLoopbackHost(String host) {
    return isLoopback(host);
  }

  static boolean isLoopback(String host) {
    String h = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    if ("localhost".equalsIgnoreCase(h)) {
      return true;
    }
    if (!h.matches("[0-9.]+") && !h.contains(":")) {
      return false; // a name other than localhost: no DNS lookup just to validate
    }
    try {
      return InetAddress.getByName(h).isLoopbackAddress();
    } catch (Exception e) {
      return false;
    }
  }
}

package dev.kiln.core.internal;

import dev.kiln.core.error.ConfigurationException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Proxies as {@code HTTPS_PROXY}, {@code HTTP_PROXY} and {@code NO_PROXY} (either case) describe them, the
 * convention of curl, Go's {@code ProxyFromEnvironment} and Python's {@code requests}: the proxy for a URL
 * is chosen by its scheme; {@code NO_PROXY} lists hosts (a leading dot or none: the domain and its
 * subdomains; {@code host:port}; {@code *} for all) reached directly, and so are loopback and link-local
 * addresses (the Azure metadata service). Credentials in a proxy URL ({@code http://user:pass@proxy:3128})
 * are sent to that proxy as Basic {@code Proxy-Authorization} and never shown.
 */
public final class EnvProxy extends ProxySelector {
  private final ProxyUrl https;
  private final ProxyUrl http;
  private final List<String> noProxy;
  /** Reached directly whatever NO_PROXY says: metadata endpoints on this machine or the link-local IMDS. */
  private final Set<String> alwaysDirect;

  private EnvProxy(ProxyUrl https, ProxyUrl http, List<String> noProxy, Set<String> alwaysDirect) {
    this.https = https;
    this.http = http;
    this.noProxy = noProxy;
    this.alwaysDirect = alwaysDirect;
  }

  /** Empty when neither proxy variable is set. {@code alwaysDirect}: host names or host:port never proxied. */
  public static Optional<EnvProxy> from(Map<String, String> env, Set<String> alwaysDirect) {
    ProxyUrl https = ProxyUrl.parse(first(env, "HTTPS_PROXY", "https_proxy"), "HTTPS_PROXY");
    ProxyUrl http = ProxyUrl.parse(first(env, "HTTP_PROXY", "http_proxy"), "HTTP_PROXY");
    if (https == null && http == null) {
      return Optional.empty();
    }
    List<String> no = new ArrayList<>();
    String list = first(env, "NO_PROXY", "no_proxy");
    if (list != null) {
      for (String e : list.split("[,\\s]+")) {
        if (!e.isBlank()) {
          no.add(e.strip().toLowerCase(Locale.ROOT));
        }
      }
    }
    return Optional.of(new EnvProxy(https, http, List.copyOf(no), Set.copyOf(alwaysDirect)));
  }

  private static String first(Map<String, String> env, String a, String b) {
    String v = env.get(a);
    if (v == null || v.isBlank()) {
      v = env.get(b);
    }
    return v == null || v.isBlank() ? null : v.strip();
  }

  @Override
  public List<Proxy> select(URI uri) {
    ProxyUrl p = "https".equalsIgnoreCase(uri.getScheme()) ? https : "http".equalsIgnoreCase(uri.getScheme()) ? http : null;
    if (p == null || uri.getHost() == null || direct(uri)) {
      return List.of(Proxy.NO_PROXY);
    }
    return List.of(new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(p.host, p.port)));
  }

  boolean direct(URI uri) {
    String host = uri.getHost().toLowerCase(Locale.ROOT);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    int port = uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    // As Go's ProxyFromEnvironment: this machine (a local workspace, a metadata service) is never proxied.
    if (Hosts.isLoopback(host) || alwaysDirect.contains(host) || alwaysDirect.contains(host + ":" + port)
        || host.startsWith("169.254.")) {
      return true;
    }
    for (String e : noProxy) {
      if (e.equals("*")) {
        return true;
      }
      String entryHost = e;
      int colon = e.lastIndexOf(':');
      if (colon > 0 && e.indexOf(':') == colon && e.substring(colon + 1).matches("[0-9]+")) {
        if (Integer.parseInt(e.substring(colon + 1)) != port) {
          continue;
        }
        entryHost = e.substring(0, colon);
      }
      String domain = entryHost.startsWith("*.") ? entryHost.substring(1) : entryHost;
      if (host.equals(domain.startsWith(".") ? domain.substring(1) : domain)
          || host.endsWith(domain.startsWith(".") ? domain : "." + domain)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {
    // nothing to learn: the request fails with the connect error
  }

  /** True when the proxy URLs carry a user and password. */
  public boolean hasCredentials() {
    return https != null && https.user != null || http != null && http.user != null;
  }

  /** {@code Basic …} for a URI this selector sends to a proxy whose URL has credentials; null otherwise. */
  public String proxyAuthorization(URI uri) {
    ProxyUrl p = "https".equalsIgnoreCase(uri.getScheme()) ? https : "http".equalsIgnoreCase(uri.getScheme()) ? http : null;
    if (p == null || p.user == null || uri.getHost() == null || direct(uri)) {
      return null;
    }
    return basic(p.user, p.password);
  }

  /** The {@code Proxy-Authorization} value for Basic credentials. */
  public static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /** E.g. {@code HTTPS_PROXY=http://***@proxy:3128, NO_PROXY=.internal}: what describe() shows. */
  public String describe() {
    StringBuilder b = new StringBuilder();
    if (https != null) {
      b.append("HTTPS_PROXY=").append(https);
    }
    if (http != null) {
      b.append(b.length() > 0 ? ", " : "").append("HTTP_PROXY=").append(http);
    }
    if (!noProxy.isEmpty()) {
      b.append(", NO_PROXY=").append(String.join(",", noProxy));
    }
    return b.toString();
  }

  @Override
  public String toString() {
    return "EnvProxy[" + describe() + "]";
  }

  /** One proxy URL: host, port, and the credentials it carries (never in toString). */
  static final class ProxyUrl {
    final String scheme;
    final String host;
    final int port;
    final String user;
    final String password;

    private ProxyUrl(String scheme, String host, int port, String user, String password) {
      this.scheme = scheme;
      this.host = host;
      this.port = port;
      this.user = user;
      this.password = password;
    }

    static ProxyUrl parse(String value, String variable) {
      if (value == null) {
        return null;
      }
      String s = value.contains("://") ? value : "http://" + value;
      URI u;
      try {
        u = URI.create(s);
      } catch (IllegalArgumentException e) {
        throw new ConfigurationException(variable + " is not a URL: " + Hosts.withoutUserInfo(value));
      }
      String scheme = u.getScheme().toLowerCase(Locale.ROOT);
      if (!scheme.equals("http")) {
        // The JDK client speaks plain HTTP (and CONNECT) to a proxy, never TLS.
        throw new ConfigurationException(variable + " must be an http:// proxy URL, was " + scheme + "://…");
      }
      if (u.getHost() == null) {
        throw new ConfigurationException(variable + " has no host: " + Hosts.withoutUserInfo(value));
      }
      int port = u.getPort() >= 0 ? u.getPort() : 80;
      String user = null;
      String password = null;
      if (u.getRawUserInfo() != null) {
        String info = u.getRawUserInfo();
        int colon = info.indexOf(':');
        user = URLDecoder.decode(colon < 0 ? info : info.substring(0, colon), StandardCharsets.UTF_8);
        password = colon < 0 ? "" : URLDecoder.decode(info.substring(colon + 1), StandardCharsets.UTF_8);
      }
      return new ProxyUrl(scheme, u.getHost(), port, user, password);
    }

    @Override
    public String toString() {
      return scheme + "://" + (user != null ? "***@" : "") + host + ":" + port;
    }
  }
}

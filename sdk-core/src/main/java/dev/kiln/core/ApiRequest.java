package dev.kiln.core;

import dev.kiln.core.error.InvalidRequestException;
import dev.kiln.core.spi.Args;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.function.Supplier;

/**
 * One call to make through {@link DatabricksClient}: method, path under the workspace host (or an
 * absolute URI for presigned downloads), query, headers, body, and whether it is safe to repeat.
 * Immutable; build with {@link #get(String, String...)}, {@link #post(String, String...)} and friends.
 */
public final class ApiRequest {
  /**
   * Longest id or name Kiln puts into one path segment when the API documents no tighter limit
   * (a three-level Unity Catalog name is at most 3 × 255 characters and two dots).
   */
  public static final int MAX_SEGMENT_LENGTH = 1024;

  private final String method;
  private final String path;
  private final String pathTemplate;
  private final URI absoluteUri;
  private final Map<String, List<String>> query;
  private final Map<String, String> headers;
  private final Object jsonBody;
  private final byte[] rawBody;
  private final Supplier<InputStream> streamBody;
  private final long streamLength;
  private final String contentType;
  private final boolean idempotent;
  private final boolean authenticated;
  private final boolean secretTarget;
  private final Duration timeout;
  private final Duration overallTimeout;

  private ApiRequest(Builder b) {
    this.method = b.method;
    this.path = b.path;
    this.pathTemplate = b.pathTemplate;
    this.absoluteUri = b.absoluteUri;
    Map<String, List<String>> q = new LinkedHashMap<>();
    b.query.forEach((k, v) -> q.put(k, List.copyOf(v)));
    this.query = Collections.unmodifiableMap(q);
    this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(b.headers));
    this.jsonBody = b.jsonBody;
    this.rawBody = b.rawBody;
    this.streamBody = b.streamBody;
    this.streamLength = b.streamLength;
    this.contentType = b.contentType;
    this.idempotent = b.idempotent != null ? b.idempotent : !("POST".equals(method) || "PATCH".equals(method));
    this.authenticated = b.authenticated;
    this.secretTarget = b.secretTarget;
    this.timeout = b.timeout;
    this.overallTimeout = b.overallTimeout;
  }

  /**
   * A GET of {@code pathTemplate} with each {@code {placeholder}} replaced, in order, by one
   * percent-encoded segment of {@code segments}, e.g.
   * {@code get("/api/2.0/sql/statements/{statement_id}", id)}. Each value is checked first (not
   * blank, not {@code .}/{@code ..}, at most {@link #MAX_SEGMENT_LENGTH} characters); listeners
   * see the template, never the values.
   */
  public static Builder get(String pathTemplate, String... segments) {
    return new Builder("GET", pathTemplate, segments);
  }

  /**
   * A POST of {@code pathTemplate} with its placeholders filled from {@code segments}, as for
   * {@link #get(String, String...)}. Not repeated after an unclear failure unless marked
   * {@link Builder#idempotent(boolean) idempotent}.
   */
  public static Builder post(String pathTemplate, String... segments) {
    return new Builder("POST", pathTemplate, segments);
  }

  /**
   * A PUT of {@code pathTemplate} with its placeholders filled from {@code segments}, as for
   * {@link #get(String, String...)}; idempotent by default.
   */
  public static Builder put(String pathTemplate, String... segments) {
    return new Builder("PUT", pathTemplate, segments);
  }

  /**
   * A PATCH of {@code pathTemplate} with its placeholders filled from {@code segments}, as for
   * {@link #get(String, String...)}; not idempotent by default.
   */
  public static Builder patch(String pathTemplate, String... segments) {
    return new Builder("PATCH", pathTemplate, segments);
  }

  /**
   * A DELETE of {@code pathTemplate} with its placeholders filled from {@code segments}, as for
   * {@link #get(String, String...)}; idempotent by default.
   */
  public static Builder delete(String pathTemplate, String... segments) {
    return new Builder("DELETE", pathTemplate, segments);
  }

  /** A HEAD: the answer's headers only (e.g. a file's length and modification time). */
  public static Builder head(String pathTemplate, String... segments) {
    return new Builder("HEAD", pathTemplate, segments);
  }

  /** A request to a URI outside the workspace (e.g. a presigned link); sent without credentials. */
  public static Builder absolute(String method, URI uri) {
    Builder b = new Builder(method, uri.getRawPath(), new String[0]);
    b.absoluteUri = uri;
    b.authenticated = false;
    return b;
  }

  /**
   * Percent-encodes one path segment, e.g. an id or a three-level name taken from user input, after
   * the checks of {@link Args#id(String, String)}. Prefer the template factories, which also keep
   * ids out of what listeners see.
   */
  public static String segment(String value) {
    return encode(Args.id(value, "a path segment (id or name)"));
  }

  /** Expands a template's {@code {placeholders}} in order with checked, encoded segments. */
  static String expand(String template, String... values) {
    StringBuilder out = new StringBuilder(template.length() + 32);
    int used = 0;
    int i = 0;
    while (i < template.length()) {
      int open = template.indexOf('{', i);
      if (open < 0) {
        out.append(template, i, template.length());
        break;
      }
      int close = template.indexOf('}', open);
      if (close < 0) {
        throw new IllegalArgumentException("unclosed placeholder in " + template);
      }
      String name = template.substring(open + 1, close);
      if (used >= values.length) {
        throw new IllegalArgumentException("no value for {" + name + "} in " + template);
      }
      out.append(template, i, open).append(encode(Args.id(values[used++], name)));
      i = close + 1;
    }
    if (used != values.length) {
      throw new IllegalArgumentException(values.length + " values for " + used + " placeholders in " + template);
    }
    return out.toString();
  }

  /** The HTTP method in upper case, e.g. {@code GET}. */
  public String method() {
    return method;
  }

  /** Path under the host, starting with '/'; for absolute requests the URI's raw path. */
  public String path() {
    return path;
  }

  /**
   * The path as written before ids were put in, e.g. {@code /api/2.0/sql/statements/{statement_id}};
   * the path itself when it was built without placeholders.
   */
  public String pathTemplate() {
    return pathTemplate;
  }

  /**
   * The full target for a request built with {@link #absolute(String, URI)}; empty for a request to
   * the workspace.
   */
  public Optional<URI> absoluteUri() {
    return Optional.ofNullable(absoluteUri);
  }

  /** The query parameters in the order added, each with its values (unencoded); unmodifiable. */
  public Map<String, List<String>> query() {
    return query;
  }

  /**
   * The extra headers set on this request (not those the client adds: authorization, user agent);
   * unmodifiable.
   */
  public Map<String, String> headers() {
    return headers;
  }

  /** The object to send as a JSON body; empty when the body is raw, streamed or absent. */
  public Optional<Object> jsonBody() {
    return Optional.ofNullable(jsonBody);
  }

  /**
   * The bytes to send as the body, with {@link #contentType()}; empty when there is none. The array
   * is not copied.
   */
  public Optional<byte[]> rawBody() {
    return Optional.ofNullable(rawBody);
  }

  /**
   * A body read from a stream while it is sent (a file upload), so it never sits in memory whole;
   * the supplier is asked again for each attempt.
   */
  public Optional<Supplier<InputStream>> streamBody() {
    return Optional.ofNullable(streamBody);
  }

  /** The length of {@link #streamBody()} in bytes (sent as {@code Content-Length}), or -1 when unknown (chunked). */
  public long streamLength() {
    return streamLength;
  }

  /**
   * The {@code Content-Type} of a raw or streamed body; empty for a JSON body (
   * {@code application/json}) or no body.
   */
  public Optional<String> contentType() {
    return Optional.ofNullable(contentType);
  }

  /** Whether repeating the request after an unclear failure (5xx, reset, timeout) is safe. */
  public boolean idempotent() {
    return idempotent;
  }

  /** Whether the client's credentials are added; false for token endpoints and presigned links. */
  public boolean authenticated() {
    return authenticated;
  }

  /** True when the URL is itself a credential: logs and messages show only its scheme and host. */
  public boolean secretTarget() {
    return secretTarget;
  }

  /**
   * This request's read timeout, if it overrides the client's (see
   * {@link Builder#timeout(Duration)}).
   */
  public Optional<Duration> timeout() {
    return Optional.ofNullable(timeout);
  }

  /** Overrides the retry policy's overall timeout for this call (a long file transfer). */
  public Optional<Duration> overallTimeout() {
    return Optional.ofNullable(overallTimeout);
  }

  /** The encoded query string without '?', or "" when there is none. */
  public String encodedQuery() {
    StringJoiner j = new StringJoiner("&");
    query.forEach((k, vs) -> vs.forEach(v -> j.add(encode(k) + "=" + encode(v))));
    return j.toString();
  }

  /** Builds the full URI against a workspace host (ignored for absolute requests). */
  public URI resolve(URI host) {
    if (absoluteUri != null) {
      return absoluteUri;
    }
    String q = encodedQuery();
    String base = host.toString();
    return URI.create(base + path + (q.isEmpty() ? "" : "?" + q));
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  @Override
  public String toString() {
    // Query values and bodies may hold secrets; only the method and path are shown.
    if (secretTarget && absoluteUri != null) {
      return method + " " + absoluteUri.getScheme() + "://" + absoluteUri.getHost() + "/***";
    }
    return method + " " + path;
  }

  /** Builder for {@link ApiRequest}; not thread-safe. */
  public static final class Builder {
    private final String method;
    private final String path;
    private final String pathTemplate;
    private URI absoluteUri;
    private final Map<String, List<String>> query = new LinkedHashMap<>();
    private final Map<String, String> headers = new LinkedHashMap<>();
    private Object jsonBody;
    private byte[] rawBody;
    private Supplier<InputStream> streamBody;
    private long streamLength = -1;
    private String contentType;
    private Boolean idempotent;
    private boolean authenticated = true;
    private boolean secretTarget;
    private Duration timeout;
    private Duration overallTimeout;

    private Builder(String method, String pathTemplate, String[] segments) {
      this.method = Objects.requireNonNull(method, "method");
      Objects.requireNonNull(pathTemplate, "path");
      Objects.requireNonNull(segments, "segments");
      this.pathTemplate = pathTemplate.startsWith("/") ? pathTemplate : "/" + pathTemplate;
      this.path = segments.length == 0 ? this.pathTemplate : expand(this.pathTemplate, segments);
    }

    /** Adds a query parameter; a null value is skipped so optional parameters read naturally. */
    public Builder query(String name, Object value) {
      if (value != null) {
        query.computeIfAbsent(name, k -> new ArrayList<>()).add(String.valueOf(value));
      }
      return this;
    }

    /**
     * Sets header {@code name} to {@code value}, replacing an earlier value; neither may be null.
     */
    public Builder header(String name, String value) {
      headers.put(Objects.requireNonNull(name), Objects.requireNonNull(value));
      return this;
    }

    /** Sets each of {@code values} as by {@link #header(String, String)}. */
    public Builder headers(Map<String, String> values) {
      values.forEach(this::header);
      return this;
    }

    /** A body serialised by the shared {@link Json#mapper()}. */
    public Builder jsonBody(Object body) {
      this.jsonBody = body;
      this.rawBody = null;
      this.streamBody = null;
      return this;
    }

    /**
     * A body of raw bytes sent as is with the given {@code Content-Type}; replaces a JSON or
     * streamed body.
     */
    public Builder body(byte[] body, String contentType) {
      this.rawBody = body;
      this.contentType = contentType;
      this.jsonBody = null;
      this.streamBody = null;
      return this;
    }

    /**
     * A body streamed from {@code source} as it is sent ({@code length} bytes, or -1 for a chunked
     * body of unknown length). {@code source} is called once per attempt: a request whose stream
     * cannot be opened again must not be marked {@link #idempotent(boolean) idempotent}.
     */
    public Builder streamBody(Supplier<InputStream> source, long length, String contentType) {
      this.streamBody = Objects.requireNonNull(source, "source");
      if (length < -1) {
        throw new InvalidRequestException("a body length must be -1 (unknown) or more, was " + length);
      }
      this.streamLength = length;
      this.contentType = contentType;
      this.jsonBody = null;
      this.rawBody = null;
      return this;
    }

    /** An {@code application/x-www-form-urlencoded} body. */
    public Builder formBody(Map<String, String> fields) {
      StringJoiner j = new StringJoiner("&");
      fields.forEach((k, v) -> j.add(encode(k) + "=" + encode(v)));
      return body(j.toString().getBytes(StandardCharsets.UTF_8), "application/x-www-form-urlencoded");
    }

    /** Marks a POST/PATCH as safe to repeat (or a GET as unsafe); defaults follow the method. */
    public Builder idempotent(boolean value) {
      this.idempotent = value;
      return this;
    }

    /** Sends no credentials (token endpoints, presigned links). */
    public Builder unauthenticated() {
      this.authenticated = false;
      return this;
    }

    /** Marks an absolute URL that is itself a credential (a metadata service's): never logged or shown. */
    public Builder secretTarget() {
      this.secretTarget = true;
      return this;
    }

    /** Overrides the client's read timeout (time until the response headers arrive). */
    public Builder timeout(Duration timeout) {
      this.timeout = timeout;
      return this;
    }

    /**
     * Overrides the retry policy's overall timeout (all attempts, and reading the answer's body) for
     * a call that may rightly take longer, such as streaming a large file.
     */
    public Builder overallTimeout(Duration overallTimeout) {
      if (overallTimeout != null && (overallTimeout.isNegative() || overallTimeout.isZero())) {
        throw new InvalidRequestException("an overall timeout must be positive, was " + overallTimeout);
      }
      this.overallTimeout = overallTimeout;
      return this;
    }

    /** The immutable request. */
    public ApiRequest build() {
      return new ApiRequest(this);
    }
  }
}

package dev.kiln.emulator.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Presigned-style download links for EXTERNAL_LINKS results, served by the workspace's storage listener (its
 * own port, as cloud storage is another host) at {@code /_external/{token}?X-Expires=..&X-Signature=..}. Like cloud storage they expire (403 with an XML body),
 * refuse requests that carry an {@code Authorization} header (400), and require the {@code http_headers}
 * handed out with the link.
 */
final class ExternalLinks implements WorkspaceApi {
  static final String CHECK_HEADER = "x-kiln-link-check";
  private static final String PATH = "/_external/";
  private static final int PURGE_THRESHOLD = 1_000;

  private final ConcurrentHashMap<String, Grant> grants = new ConcurrentHashMap<>();
  private final AtomicLong sequence = new AtomicLong();
  private final AtomicLong expiredUpTo = new AtomicLong(-1);
  private final byte[] signingKey = Ids.randomBytes(32);
  private final Clock clock;
  private final Duration ttl;
  private final Supplier<String> baseUrl;
  private final StatementService statements;

  ExternalLinks(Clock clock, Duration ttl, Supplier<String> baseUrl, StatementService statements) {
    this.clock = clock;
    this.ttl = ttl;
    this.baseUrl = baseUrl;
    this.statements = statements;
  }

  @Override
  public void register(Router router) {
    router.get(PATH + "{token}", this::download);
  }

  /** A fresh link to one chunk: {@code external_link}, {@code expiration}, {@code http_headers}. */
  ObjectNode issue(String statementId, int chunkIndex) {
    purgeExpiredIfLarge();
    Instant expires = clock.instant().plus(ttl);
    String token = Ids.urlToken();
    String check = Ids.urlToken();
    long epochSeconds = expires.getEpochSecond();
    Grant grant = new Grant(statementId, chunkIndex, expires, check, sequence.incrementAndGet());
    grants.put(token, grant);
    ObjectNode link = Json.object();
    link.put(
        "external_link",
        baseUrl.get() + PATH + token + "?X-Expires=" + epochSeconds + "&X-Signature=" + sign(token, epochSeconds));
    link.put("expiration", expires.toString());
    link.putObject("http_headers").put(CHECK_HEADER, check);
    return link;
  }

  /** Every link issued so far expires now. */
  void expireAllNow() {
    expiredUpTo.set(sequence.get());
  }

  private Response download(Request request) {
    if (request.header("Authorization").isPresent()) {
      return storageError(
          400, "InvalidArgument",
          "Only one auth mechanism allowed; only the X-Signature query parameter or the Authorization header"
              + " should be specified");
    }
    String token = request.pathParam("token");
    Grant grant = grants.get(token);
    if (grant == null) {
      return storageError(403, "AccessDenied", "Access Denied");
    }
    String expires = request.queryParam("X-Expires").orElse("");
    String signature = request.queryParam("X-Signature").orElse("");
    if (!expires.equals(Long.toString(grant.expires.getEpochSecond()))
        || !constantTimeEquals(signature, sign(token, grant.expires.getEpochSecond()))) {
      return storageError(403, "SignatureDoesNotMatch", "The request signature we calculated does not match.");
    }
    if (isExpired(grant)) {
      return storageError(403, "AccessDenied", "Request has expired");
    }
    if (!constantTimeEquals(request.header(CHECK_HEADER).orElse(""), grant.check)) {
      return storageError(
          403, "AccessDenied", "The request is missing the header " + CHECK_HEADER + " given in http_headers.");
    }
    Optional<ResultChunks> result =
        statements.find(grant.statementId).map(statement -> statement.snapshot().result);
    if (result.isEmpty() || grant.chunkIndex >= result.get().chunks().size()) {
      return storageError(404, "NoSuchKey", "The specified key does not exist.");
    }
    ResultChunks chunks = result.get();
    String contentType =
        chunks.format() == ResultFormat.ARROW_STREAM || chunks.compression() != ResultCompression.NONE
            ? "application/octet-stream"
            : chunks.format() == ResultFormat.CSV ? "text/csv" : "application/json";
    return Response.of(200, contentType, chunks.chunks().get(grant.chunkIndex).payload());
  }

  private boolean isExpired(Grant grant) {
    return grant.sequence <= expiredUpTo.get() || !clock.instant().isBefore(grant.expires);
  }

  private void purgeExpiredIfLarge() {
    if (grants.size() > PURGE_THRESHOLD) {
      grants.values().removeIf(this::isExpired);
    }
  }

  private String sign(String token, long epochSeconds) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(signingKey, "HmacSHA256"));
      return Ids.hex(mac.doFinal((token + "\n" + epochSeconds).getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
    }
  }

  private static boolean constantTimeEquals(String a, String b) {
    return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }

  /** Cloud storage answers errors in XML, not in the Databricks JSON shape. */
  private static Response storageError(int status, String code, String message) {
    String body =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + xml(code) + "</Code><Message>"
            + xml(message) + "</Message></Error>\n";
    return Response.text(status, "application/xml", body);
  }

  private static String xml(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  private static final class Grant {
    final String statementId;
    final int chunkIndex;
    final Instant expires;
    final String check;
    final long sequence;

    Grant(String statementId, int chunkIndex, Instant expires, String check, long sequence) {
      this.statementId = statementId;
      this.chunkIndex = chunkIndex;
      this.expires = expires;
      this.check = check;
      this.sequence = sequence;
    }
  }
}

package dev.kiln.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Serves results the emulator rendered once, from memory: the statement reply, each chunk's link list and each
 * link's bytes, recorded per (format, compression) and replayed for every read by a {@link StoredBytesServer}.
 * Serving costs little more than the copy to the socket, as object storage costs the client nothing, so a section
 * on it measures the readers rather than the emulator's rendering (which, in the same JVM on 2 cores, costs more
 * for Arrow than for JSON: it converts its text values) or the JDK {@code HttpServer}'s per-answer work.
 *
 * <p>Answers {@code POST /api/2.0/sql/statements} with the recording that matches the body's {@code format}
 * and {@code result_compression}, {@code GET .../result/chunks/{i}} with that chunk's links (pointing here,
 * expiring in a day), the links with the recorded bytes, and {@code DELETE}/cancel with {@code {}}.
 */
final class ReplayServer implements AutoCloseable {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Pattern CHUNK = Pattern.compile("/api/2\\.0/sql/statements/([^/]+)/result/chunks/(\\d+)");
  private static final Pattern LINK = Pattern.compile("/_replay/([^/]+)/(\\d+)");

  private final Map<String, Recording> recordings = new ConcurrentHashMap<>();
  private final StoredBytesServer server;

  private ReplayServer() throws IOException {
    this.server = StoredBytesServer.start(this::handle);
  }

  static ReplayServer start() throws IOException {
    return new ReplayServer();
  }

  String host() {
    return server.host();
  }

  /** Runs {@code sql} on the emulator (EXTERNAL_LINKS) in {@code format}/{@code compression} and keeps every byte. */
  void record(String emulatorHost, String token, String warehouseId, String sql, String format, String compression)
      throws IOException, InterruptedException {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    ObjectNode body = MAPPER.createObjectNode()
        .put("warehouse_id", warehouseId)
        .put("statement", sql)
        .put("disposition", "EXTERNAL_LINKS")
        .put("format", format)
        .put("wait_timeout", "50s");
    if (!"NONE".equals(compression)) {
      body.put("result_compression", compression);
    }
    JsonNode statement = RawReader.api(http, token, HttpRequest.newBuilder(URI.create(emulatorHost + "/api/2.0/sql/statements"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    if (!"SUCCEEDED".equals(statement.path("status").path("state").asText())) {
      throw new IllegalStateException("recording " + format + " failed: " + statement);
    }
    String id = statement.path("statement_id").asText();
    String key = key(format, compression);
    int chunks = statement.path("manifest").path("total_chunk_count").asInt();
    List<byte[]> chunkReplies = new ArrayList<>();
    List<byte[]> payloads = new ArrayList<>();
    for (int i = 0; i < chunks; i++) {
      JsonNode links = i == 0 ? statement.path("result")
          : RawReader.api(http, token, HttpRequest.newBuilder(
              URI.create(emulatorHost + "/api/2.0/sql/statements/" + id + "/result/chunks/" + i)).GET());
      JsonNode link = links.path("external_links").get(0);
      HttpRequest.Builder get = HttpRequest.newBuilder(URI.create(link.path("external_link").asText())).GET();
      link.path("http_headers").fields().forEachRemaining(h -> get.header(h.getKey(), h.getValue().asText()));
      HttpResponse<byte[]> download = http.send(get.build(), HttpResponse.BodyHandlers.ofByteArray());
      if (download.statusCode() != 200) {
        throw new IOException("recording chunk " + i + " answered " + download.statusCode());
      }
      payloads.add(download.body());
      chunkReplies.add(MAPPER.writeValueAsBytes(relinked(links, key)));
    }
    ObjectNode replayed = statement.deepCopy();
    replayed.put("statement_id", "replay-" + key);
    replayed.set("result", MAPPER.readTree(chunkReplies.get(0)));
    recordings.put(key, new Recording(MAPPER.writeValueAsBytes(replayed), chunkReplies, payloads));
  }

  /** The chunk reply with its links pointing here, valid for a day. */
  private JsonNode relinked(JsonNode reply, String key) {
    ObjectNode copy = reply.deepCopy();
    String expiration = Instant.now().plus(1, ChronoUnit.DAYS).toString();
    for (JsonNode link : (ArrayNode) copy.path("external_links")) {
      ObjectNode l = (ObjectNode) link;
      l.put("external_link", host() + "/_replay/" + key + "/" + l.path("chunk_index").asInt());
      l.put("expiration", expiration);
    }
    return copy;
  }

  private static String key(String format, String compression) {
    return (format + "-" + compression).toLowerCase(Locale.ROOT);
  }

  private StoredBytesServer.Answer handle(String method, String path, byte[] body) throws IOException {
    Matcher link = LINK.matcher(path);
    Matcher chunk = CHUNK.matcher(path);
    if ("GET".equals(method) && link.matches()) {
      byte[] bytes = recording(link.group(1)).payloads.get(Integer.parseInt(link.group(2)));
      return new StoredBytesServer.Answer(200, "application/octet-stream", bytes);
    } else if ("GET".equals(method) && chunk.matches()) {
      Recording r = recording(chunk.group(1).substring("replay-".length()));
      return StoredBytesServer.Answer.json(200, r.chunkReplies.get(Integer.parseInt(chunk.group(2))));
    } else if ("POST".equals(method) && path.matches("/api/2\\.0/sql/statements/?")) {
      JsonNode request = MAPPER.readTree(body);
      String compression = request.path("result_compression").asText("NONE");
      return StoredBytesServer.Answer.json(200,
          recording(key(request.path("format").asText("JSON_ARRAY"), compression)).statement);
    } else if ("DELETE".equals(method) || path.endsWith("/cancel")) {
      return StoredBytesServer.Answer.json(200, "{}".getBytes(StandardCharsets.UTF_8));
    }
    return StoredBytesServer.Answer.json(404, ("{\"error_code\":\"NOT_FOUND\",\"message\":\"" + method + " " + path
        + "\"}").getBytes(StandardCharsets.UTF_8));
  }

  private Recording recording(String key) {
    Recording r = recordings.get(key);
    if (r == null) {
      throw new IllegalStateException("nothing recorded for " + key + "; recorded: " + recordings.keySet());
    }
    return r;
  }

  @Override
  public void close() {
    server.close();
  }

  private static final class Recording {
    final byte[] statement;
    /** Each chunk's reply as served (its links pointing here). */
    final List<byte[]> chunkReplies;
    final List<byte[]> payloads;

    Recording(byte[] statement, List<byte[]> chunkReplies, List<byte[]> payloads) {
      this.statement = statement;
      this.chunkReplies = chunkReplies;
      this.payloads = payloads;
    }
  }
}

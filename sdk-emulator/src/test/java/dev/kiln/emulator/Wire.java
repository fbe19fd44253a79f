package dev.kiln.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** A tiny wire-level client for the emulator: the JDK HttpClient and Jackson, nothing of Kiln's. */
final class Wire {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
  private static final String STATEMENTS = "/api/2.0/sql/statements/";
  /** The longest a test waits for the emulator's own asynchronous work. */
  static final Duration WAIT = Duration.ofSeconds(20);

  private final LocalWorkspace ws;
  private final String host;
  private final String token;

  Wire(LocalWorkspace ws) {
    this.ws = ws;
    this.host = ws.host();
    this.token = ws.token();
  }

  static ObjectNode object() {
    return JSON.createObjectNode();
  }

  /** A statement request body for the workspace's default warehouse. */
  static ObjectNode statement(LocalWorkspace ws, String sql) {
    return object().put("warehouse_id", ws.defaultWarehouseId()).put("statement", sql);
  }

  Reply get(String path) {
    return send(authorized(path).GET().build());
  }

  Reply post(String path, JsonNode body) {
    return send(authorized(path).POST(HttpRequest.BodyPublishers.ofString(body.toString())).build());
  }

  CompletableFuture<Reply> postAsync(String path, JsonNode body) {
    HttpRequest request = authorized(path).POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
    return HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(Reply::new);
  }

  /** A GET of an absolute URL with exactly the given headers (no Authorization unless given). */
  static Reply download(String url, Map<String, String> headers) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET();
    headers.forEach(builder::header);
    return send(builder.build());
  }

  /** As {@link #download}, keeping the body as bytes (Arrow, LZ4). */
  static byte[] downloadBytes(String url, Map<String, String> headers) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET();
    headers.forEach(builder::header);
    try {
      HttpResponse<byte[]> response = HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
      assertEquals(200, response.statusCode(), () -> new String(response.body(), java.nio.charset.StandardCharsets.UTF_8));
      return response.body();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static Reply send(HttpRequest request) {
    try {
      return new Reply(HTTP.send(request, HttpResponse.BodyHandlers.ofString()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  HttpRequest.Builder authorized(String path) {
    return HttpRequest.newBuilder(URI.create(host + path))
        .timeout(Duration.ofSeconds(60))
        .header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/json");
  }

  /** POSTs a statement and expects HTTP 200. */
  JsonNode execute(JsonNode body) {
    Reply reply = post(STATEMENTS, body);
    assertEquals(200, reply.status, reply.body);
    return reply.json();
  }

  JsonNode statement(String id) {
    Reply reply = get(STATEMENTS + id);
    assertEquals(200, reply.status, reply.body);
    return reply.json();
  }

  JsonNode chunk(String id, int index) {
    Reply reply = get(STATEMENTS + id + "/result/chunks/" + index);
    assertEquals(200, reply.status, reply.body);
    return reply.json();
  }

  /** Waits (on the workspace, without polling) until the statement is terminal, then GETs it. */
  JsonNode awaitStatement(String id) {
    ws.awaitStatement(id, WAIT);
    return statement(id);
  }

  /** One HTTP reply. */
  static final class Reply {
    final int status;
    final HttpHeaders headers;
    final String body;

    Reply(HttpResponse<String> response) {
      this.status = response.statusCode();
      this.headers = response.headers();
      this.body = response.body();
    }

    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (JsonProcessingException e) {
        throw new AssertionError("not JSON: " + body, e);
      }
    }

    @Override
    public String toString() {
      return status + " " + body;
    }
  }
}

package dev.kiln.serving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.kiln.core.testing.TestClients;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/** Helpers for asserting what went over the wire. JSON in tests is written with single quotes. */
final class Wire {
  private static final ObjectMapper LENIENT = JsonMapper.builder().enable(JsonReadFeature.ALLOW_SINGLE_QUOTES).build();

  private Wire() {}

  static JsonNode tree(String singleQuotedJson) {
    try {
      return LENIENT.readTree(singleQuotedJson);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Single-quoted JSON → a real JSON string. */
  static String json(String singleQuotedJson) {
    return tree(singleQuotedJson).toString();
  }

  static MockResponse ok(String singleQuotedJson) {
    return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
        .body(json(singleQuotedJson)).build();
  }

  static MockResponse error(int status, String singleQuotedJson) {
    return new MockResponse.Builder().code(status).addHeader("Content-Type", "application/json")
        .body(json(singleQuotedJson)).build();
  }

  static RecordedRequest take(MockWebServer server) {
    try {
      RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
      assertNotNull(r, "expected a request");
      return r;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** Method, path+query, bearer token; returns the request for more checks. */
  static RecordedRequest expect(MockWebServer server, String method, String target) {
    RecordedRequest r = take(server);
    assertEquals(method, r.getMethod());
    assertEquals(target, r.getTarget());
    assertEquals("Bearer " + TestClients.TOKEN, r.getHeaders().get("Authorization"));
    return r;
  }

  /** A POST with a JSON body equal (as a tree) to {@code singleQuotedJson}. */
  static RecordedRequest expectJsonPost(MockWebServer server, String target, String singleQuotedJson) {
    RecordedRequest r = expect(server, "POST", target);
    assertEquals("application/json", r.getHeaders().get("Content-Type"));
    assertEquals(tree(singleQuotedJson), bodyTree(r));
    return r;
  }

  static JsonNode bodyTree(RecordedRequest r) {
    try {
      return LENIENT.readTree(r.getBody().utf8());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

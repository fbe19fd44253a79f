package dev.kiln.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.core.Json;
import dev.kiln.core.testing.TestClients;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/** Helpers for the wire tests: JSON written with single quotes, canned answers, request checks. */
final class WireTest {
  private WireTest() {}

  /** Test fixtures read better with single quotes; they become double quotes here. */
  static String json(String singleQuoted) {
    return singleQuoted.replace('\'', '"');
  }

  static JsonNode tree(String singleQuoted) {
    try {
      return Json.mapper().readTree(json(singleQuoted));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static MockResponse ok(String singleQuotedJson) {
    return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
        .body(json(singleQuotedJson)).build();
  }

  static MockResponse error(int code, String errorCode, String message) {
    return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json")
        .body(json("{'error_code':'" + errorCode + "','message':'" + message + "'}")).build();
  }

  static RecordedRequest take(MockWebServer server) throws InterruptedException {
    RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
    assertNotNull(r, "expected another request");
    return r;
  }

  /** A workspace call: method, path and query, the bearer token, and no body. */
  static RecordedRequest assertCall(MockWebServer server, String method, String target) throws InterruptedException {
    RecordedRequest r = take(server);
    assertEquals(method, r.getMethod());
    assertEquals(target, r.getTarget());
    assertEquals("Bearer " + TestClients.TOKEN, r.getHeaders().get("Authorization"));
    return r;
  }

  static void assertNoBody(RecordedRequest r) {
    assertEquals(0, r.getBodySize(), "expected no request body");
    assertNull(r.getHeaders().get("Content-Type"));
  }

  /** A workspace call with a JSON body equal (as a tree) to {@code expectedSingleQuoted}. */
  static RecordedRequest assertJsonCall(MockWebServer server, String method, String target, String expectedSingleQuoted)
      throws Exception {
    RecordedRequest r = assertCall(server, method, target);
    assertEquals("application/json", r.getHeaders().get("Content-Type"));
    assertEquals(tree(expectedSingleQuoted), Json.mapper().readTree(r.getBody().utf8()));
    return r;
  }

  /** A statement answer; {@code rest} is extra JSON members such as manifest and result. */
  static String statement(String id, String state, String rest) {
    return "{'statement_id':'" + id + "','status':{'state':'" + state + "'}" + (rest.isEmpty() ? "" : "," + rest) + "}";
  }
}

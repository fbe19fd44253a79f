package dev.kiln.core.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * The one set of MockWebServer helpers for every module: canned answers and assertions on what went
 * over the wire (method, target, bearer token, User-Agent, JSON body as a tree). JSON in tests is
 * written with single quotes.
 */
public final class Wire {
  private static final ObjectMapper LENIENT = JsonMapper.builder().enable(JsonReadFeature.ALLOW_SINGLE_QUOTES).build();

  private Wire() {}

  /** Single-quoted (or plain) JSON as a tree. */
  public static JsonNode tree(String singleQuotedJson) {
    try {
      return LENIENT.readTree(singleQuotedJson);
    } catch (IOException e) {
      throw new UncheckedIOException("not JSON: " + singleQuotedJson, e);
    }
  }

  /** Single-quoted JSON → a real JSON string. */
  public static String json(String singleQuotedJson) {
    return tree(singleQuotedJson).toString();
  }

  public static MockResponse ok(String singleQuotedJson) {
    return error(200, singleQuotedJson);
  }

  /** Any status with a JSON body. */
  public static MockResponse error(int status, String singleQuotedJson) {
    return new MockResponse.Builder().code(status).addHeader("Content-Type", "application/json")
        .body(json(singleQuotedJson)).build();
  }

  /** The next request; fails after 5 s. */
  public static RecordedRequest take(MockWebServer server) {
    try {
      RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
      assertNotNull(r, "expected one more request");
      return r;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** Method, path+query, bearer token and User-Agent; returns the request for more checks. */
  public static RecordedRequest expect(MockWebServer server, String method, String target) {
    RecordedRequest r = take(server);
    assertEquals(method + " " + target, r.getMethod() + " " + r.getTarget());
    assertAuthenticated(r);
    return r;
  }

  /** A GET without a body. */
  public static RecordedRequest expectGet(MockWebServer server, String target) {
    RecordedRequest r = expect(server, "GET", target);
    assertTrue(r.getBody() == null || r.getBody().size() == 0, "a GET has no body");
    return r;
  }

  /** A POST with a JSON body equal (as a tree) to {@code singleQuotedJson}; null: no body. */
  public static RecordedRequest expectJsonPost(MockWebServer server, String target, String singleQuotedJson) {
    return expectJson(server, "POST", target, singleQuotedJson);
  }

  /** Any method with a JSON body equal (as a tree) to {@code singleQuotedJson}; null: no body. */
  public static RecordedRequest expectJson(MockWebServer server, String method, String target, String singleQuotedJson) {
    RecordedRequest r = expect(server, method, target);
    if (singleQuotedJson == null) {
      assertTrue(r.getBody() == null || r.getBody().size() == 0, "expected no body");
      return r;
    }
    assertEquals("application/json", r.getHeaders().get("Content-Type"));
    assertEquals(tree(singleQuotedJson), bodyTree(r));
    return r;
  }

  public static JsonNode bodyTree(RecordedRequest r) {
    return tree(r.getBody().utf8());
  }

  public static void assertAuthenticated(RecordedRequest r) {
    assertEquals("Bearer " + TestClients.TOKEN, r.getHeaders().get("Authorization"));
    String agent = r.getHeaders().get("User-Agent");
    assertTrue(agent != null && agent.startsWith("kiln/"), "User-Agent: " + agent);
  }
}

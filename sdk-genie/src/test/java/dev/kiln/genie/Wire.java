package dev.kiln.genie;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.core.Json;
import dev.kiln.core.testing.TestClients;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/** Canned Genie responses and assertions on what went over the wire. JSON is written with ' for ". */
final class Wire {
  static final String SPACE = "/api/2.0/genie/spaces/space-1";
  static final String CONVERSATION = SPACE + "/conversations/conv-1";

  private Wire() {}

  static String q(String singleQuoted) {
    return singleQuoted.replace('\'', '"');
  }

  static MockResponse ok(String singleQuotedJson) {
    return new MockResponse.Builder()
        .code(200)
        .addHeader("Content-Type", "application/json")
        .body(q(singleQuotedJson))
        .build();
  }

  static MockResponse error(int code, String singleQuotedJson) {
    return new MockResponse.Builder()
        .code(code)
        .addHeader("Content-Type", "application/json")
        .body(q(singleQuotedJson))
        .build();
  }

  /** A message in {@code conv-1} of {@code space-1} with the given status and attachments JSON. */
  static String message(String messageId, String status, String attachments) {
    return "{'message_id':'" + messageId + "','conversation_id':'conv-1','space_id':'space-1',"
        + "'content':'Biggest open opportunities','status':'" + status + "','attachments':" + attachments + "}";
  }

  static String message(String messageId, String status) {
    return message(messageId, status, "[]");
  }

  static String messagePath(String messageId) {
    return CONVERSATION + "/messages/" + messageId;
  }

  static RecordedRequest take(MockWebServer server) throws InterruptedException {
    RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
    assertNotNull(r, "expected one more request");
    return r;
  }

  static void assertGet(RecordedRequest r, String target) {
    assertEquals("GET", r.getMethod());
    assertEquals(target, r.getTarget());
    assertAuthenticated(r);
    assertTrue(r.getBody() == null || r.getBody().size() == 0, "a GET has no body");
  }

  /** {@code singleQuotedBody} null: a POST without a body. Bodies are compared as JSON trees. */
  static void assertPost(RecordedRequest r, String target, String singleQuotedBody) {
    assertEquals("POST", r.getMethod());
    assertEquals(target, r.getTarget());
    assertAuthenticated(r);
    if (singleQuotedBody == null) {
      assertTrue(r.getBody() == null || r.getBody().size() == 0, "expected no body");
      return;
    }
    assertEquals("application/json", r.getHeaders().get("Content-Type"));
    assertEquals(tree(q(singleQuotedBody)), tree(r.getBody().utf8()));
  }

  private static void assertAuthenticated(RecordedRequest r) {
    assertEquals("Bearer " + TestClients.TOKEN, r.getHeaders().get("Authorization"));
    String agent = r.getHeaders().get("User-Agent");
    assertTrue(agent != null && agent.startsWith("kiln/"), "User-Agent: " + agent);
  }

  static JsonNode tree(String json) {
    try {
      return Json.mapper().readTree(json);
    } catch (JsonProcessingException e) {
      throw new AssertionError("not JSON: " + json, e);
    }
  }
}

package dev.kiln.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Genie's newer calls on the emulator: feedback, deletes, space update/trash and the full result download. */
class GenieManageApiTest {
  static LocalWorkspace ws;
  static Wire wire;
  static String spaceId;

  @BeforeAll
  static void start() {
    ws = LocalWorkspace.builder().genieStepDelay(Duration.ZERO).chunkRowCount(2).start();
    wire = new Wire(ws);
    ws.sql().execute("CREATE TABLE deals AS SELECT * FROM (VALUES ('Acme', 500), ('Globex', 900), ('Initech', 300),"
        + " ('Umbrella', 700), ('Hooli', 100)) AS t(name, amount)");
    spaceId = ws.addGenieSpace(GenieSpaceSpec.builder().title("Sales")
        .addRules(GenieRule.builder().addKeywords("deals").sql("SELECT name, amount FROM deals ORDER BY amount").build())
        .build());
  }

  @AfterAll
  static void stop() {
    ws.close();
  }

  private static String base() {
    return "/api/2.0/genie/spaces/" + spaceId;
  }

  /** Asks and waits; returns the finished message. */
  private static JsonNode ask(String question) {
    Wire.Reply reply = wire.post(base() + "/start-conversation", Wire.object().put("content", question));
    assertEquals(200, reply.status, reply.body);
    String conversation = reply.json().path("conversation_id").asText();
    String message = reply.json().path("message_id").asText();
    ws.awaitGenieMessage(message, Wire.WAIT);
    return wire.get(base() + "/conversations/" + conversation + "/messages/" + message).json();
  }

  private static String messagePath(JsonNode message) {
    return base() + "/conversations/" + message.path("conversation_id").asText() + "/messages/"
        + message.path("message_id").asText();
  }

  private static Wire.Reply send(String method, String path, JsonNode body) {
    return Wire.send(wire.authorized(path)
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body.toString()))
        .build());
  }

  @Test
  void feedbackIsShownOnTheMessageAndNoneClearsIt() {
    JsonNode message = ask("hello");
    String path = messagePath(message);

    assertEquals(200, wire.post(path + "/feedback",
        Wire.object().put("rating", "POSITIVE").put("comment", "great")).status);
    JsonNode rated = wire.get(path).json();
    assertEquals("POSITIVE", rated.path("feedback").path("rating").asText());
    assertEquals("great", rated.path("feedback").path("comment").asText());

    assertEquals(200, wire.post(path + "/feedback", Wire.object().put("rating", "NONE")).status);
    assertTrue(wire.get(path).json().path("feedback").isMissingNode());

    Wire.Reply bad = wire.post(path + "/feedback", Wire.object().put("rating", "MEH"));
    assertEquals(400, bad.status);
    assertEquals("INVALID_PARAMETER_VALUE", bad.json().path("error_code").asText());
  }

  @Test
  void deletingAMessageRemovesItFromTheConversation() {
    JsonNode message = ask("hello again");
    String path = messagePath(message);
    String conversation = base() + "/conversations/" + message.path("conversation_id").asText();

    assertEquals(200, send("DELETE", path, null).status);

    assertEquals(404, wire.get(path).status);
    assertEquals(0, wire.get(conversation + "/messages").json().path("messages").size());
    assertEquals(200, send("DELETE", conversation, null).status);
    assertEquals(404, wire.get(conversation).status);
  }

  @Test
  void updateChangesTheEtagAndAStaleEtagConflicts() {
    String other = ws.addGenieSpace(GenieSpaceSpec.builder().title("Tax").build());
    String path = "/api/2.0/genie/spaces/" + other;
    String etag = wire.get(path).json().path("etag").asText();

    Wire.Reply updated = send("PATCH", path, Wire.object().put("title", "Taxes").put("etag", etag));
    assertEquals(200, updated.status, updated.body);
    assertEquals("Taxes", updated.json().path("title").asText());
    assertNotEquals(etag, updated.json().path("etag").asText());

    Wire.Reply stale = send("PATCH", path, Wire.object().put("title", "Again").put("etag", etag));
    assertEquals(409, stale.status);
    assertEquals("RESOURCE_CONFLICT", stale.json().path("error_code").asText());
    assertEquals(400, send("PATCH", path, Wire.object().put("serialized_space", "{not json")).status);

    assertEquals(200, send("DELETE", path, null).status);
    assertEquals(404, wire.get(path).status);
  }

  @Test
  void downloadRerunsTheQueryBehindExternalLinksAndChecksTheSignature() {
    JsonNode message = ask("all deals");
    String attachment = message.path("attachments").get(0).path("attachment_id").asText();
    String downloads = messagePath(message) + "/attachments/" + attachment + "/downloads";

    Wire.Reply generated = wire.post(downloads, Wire.object());
    assertEquals(200, generated.status, generated.body);
    String id = generated.json().path("download_id").asText();
    String signature = generated.json().path("download_id_signature").asText();
    assertFalse(signature.isEmpty());

    assertEquals(403, wire.get(downloads + "/" + id + "?download_id_signature=forged").status);
    assertEquals(400, wire.get(downloads + "/" + id).status);
    JsonNode polled = wire.get(downloads + "/" + id + "?download_id_signature=" + signature).json();
    String statementId = polled.path("statement_response").path("statement_id").asText();
    ws.awaitStatement(statementId, Wire.WAIT);
    JsonNode done = wire.get(downloads + "/" + id + "?download_id_signature=" + signature).json()
        .path("statement_response");

    assertEquals("SUCCEEDED", done.path("status").path("state").asText());
    assertEquals(5, done.path("manifest").path("total_row_count").asInt());
    assertEquals(3, done.path("manifest").path("total_chunk_count").asInt(), "5 rows, 2 per chunk");
    JsonNode link = done.path("result").path("external_links").get(0);
    Map<String, String> headers = new java.util.HashMap<>();
    link.path("http_headers").fields().forEachRemaining(h -> headers.put(h.getKey(), h.getValue().asText()));
    Wire.Reply file = Wire.download(link.path("external_link").asText(), headers);
    assertEquals(200, file.status, file.body);
    assertTrue(file.body.contains("Hooli"), file.body);
  }
}

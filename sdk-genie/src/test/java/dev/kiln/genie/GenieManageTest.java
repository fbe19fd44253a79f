package dev.kiln.genie;

import static dev.kiln.core.testing.Wire.expect;
import static dev.kiln.core.testing.Wire.expectGet;
import static dev.kiln.core.testing.Wire.expectJson;
import static dev.kiln.core.testing.Wire.expectJsonPost;
import static dev.kiln.core.testing.Wire.ok;
import static dev.kiln.genie.GenieWire.CONVERSATION;
import static dev.kiln.genie.GenieWire.SPACE;
import static dev.kiln.genie.GenieWire.message;
import static dev.kiln.genie.GenieWire.messagePath;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.core.Json;
import dev.kiln.core.error.InvalidRequestException;
import dev.kiln.core.error.ResourceConflictException;
import dev.kiln.core.testing.Wire;
import dev.kiln.genie.model.GenieAnswer;
import dev.kiln.genie.model.GenieFeedbackRating;
import dev.kiln.genie.model.GenieMessage;
import dev.kiln.genie.model.GenieSpace;
import dev.kiln.genie.model.GenieSpaceUpdate;
import dev.kiln.sql.StatementResult;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Messages list, deletes, feedback, space trash/update and per-attachment results, on the wire. */
class GenieManageTest extends GenieTestBase {
  static final String TWO_QUERIES = "[{'attachment_id':'att-1','query':{'query':'SELECT 1','statement_id':'st-1'}},"
      + "{'attachment_id':'att-t','text':{'content':'Two views'}},"
      + "{'attachment_id':'att-2','query':{'query':'SELECT 2','statement_id':'st-2'}}]";

  static GenieAnswer twoQueryAnswer() throws Exception {
    return GenieAnswer.of("space-1",
        Json.mapper().readValue(Wire.json(message("msg-1", "COMPLETED", TWO_QUERIES)), GenieMessage.class));
  }

  @Test
  void listMessagesPagesThroughTheConversation() throws Exception {
    server.enqueue(ok("{'messages':[" + message("m-1", "COMPLETED") + "],'next_page_token':'n2'}"));
    server.enqueue(ok("{'messages':[" + message("m-2", "EXECUTING_QUERY").replace("'attachments':[]",
        "'attachments':[],'feedback':{'rating':'POSITIVE','comment':'spot on'}") + "]}"));

    List<GenieMessage> all = genie.listMessages("space-1", "conv-1", 1).stream().collect(Collectors.toList());

    assertEquals(List.of("m-1", "m-2"), all.stream().map(GenieMessage::messageId).collect(Collectors.toList()));
    assertEquals(GenieFeedbackRating.POSITIVE, all.get(1).feedback().orElseThrow().rating());
    assertEquals(Optional.of("spot on"), all.get(1).feedback().orElseThrow().comment());
    expectGet(server, CONVERSATION + "/messages?page_size=1");
    expectGet(server, CONVERSATION + "/messages?page_size=1&page_token=n2");
  }

  @Test
  void deleteConversationAndMessage() throws Exception {
    server.enqueue(ok("{}"));
    server.enqueue(ok("{}"));

    genie.deleteConversation("space-1", "conv-1");
    genie.deleteMessageAsync("space-1", "conv-1", "m-1").get(5, TimeUnit.SECONDS);

    expectJson(server, "DELETE", CONVERSATION, null);
    expectJson(server, "DELETE", messagePath("m-1"), null);
  }

  @Test
  void feedbackSendsRatingAndComment() throws Exception {
    server.enqueue(ok("{}"));
    server.enqueue(ok("{}"));

    genie.sendFeedback("space-1", "conv-1", "m-1", GenieFeedbackRating.NEGATIVE, "wrong quarter");
    genie.sendFeedback(twoQueryAnswer(), GenieFeedbackRating.NONE);

    expectJsonPost(server, messagePath("m-1") + "/feedback", "{'rating':'NEGATIVE','comment':'wrong quarter'}");
    expectJsonPost(server, messagePath("msg-1") + "/feedback", "{'rating':'NONE'}");
  }

  @Test
  void anUnknownRatingIsRefusedBeforeSending() {
    CompletableFuture<Void> f = genie.sendFeedbackAsync("space-1", "conv-1", "m-1", GenieFeedbackRating.UNKNOWN, null);

    ExecutionException e = assertThrows(ExecutionException.class, () -> f.get(5, TimeUnit.SECONDS));
    assertTrue(e.getCause() instanceof InvalidRequestException, e.toString());
    assertThrows(InvalidRequestException.class,
        () -> genie.sendFeedback("space-1", "conv-1", "m-1", null, null));
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void updateSpaceSendsOnlyTheFieldsSetWithTheEtag() throws Exception {
    server.enqueue(ok("{'space_id':'space-1','title':'Pipeline','warehouse_id':'wh-2','etag':'e2'}"));

    GenieSpace space = genie.updateSpace("space-1",
        GenieSpaceUpdate.builder().title("Pipeline").warehouseId("wh-2").etag("e1").build());

    assertEquals(Optional.of("e2"), space.etag());
    expectJson(server, "PATCH", SPACE, "{'title':'Pipeline','warehouse_id':'wh-2','etag':'e1'}");
  }

  @Test
  void aStaleEtagIsAConflict() {
    server.enqueue(Wire.error(409, "{'error_code':'RESOURCE_CONFLICT','message':'the space changed'}"));

    assertThrows(ResourceConflictException.class,
        () -> genie.updateSpace("space-1", GenieSpaceUpdate.builder().title("x").etag("old").build()));
  }

  @Test
  void anEmptyUpdateIsRefusedBeforeSending() {
    assertThrows(InvalidRequestException.class,
        () -> genie.updateSpace("space-1", GenieSpaceUpdate.builder().etag("e1").build()));
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void trashSpaceDeletesIt() throws Exception {
    server.enqueue(ok("{}"));

    genie.trashSpaceAsync("space-1").get(5, TimeUnit.SECONDS);

    expect(server, "DELETE", SPACE);
  }

  @Test
  void eachQueryAttachmentHasItsOwnResult() throws Exception {
    GenieAnswer answer = twoQueryAnswer();
    assertEquals(2, answer.queryAttachments().size());
    server.enqueue(ok("{'statement_response':{'statement_id':'st-2','status':{'state':'SUCCEEDED'},"
        + "'manifest':{'format':'JSON_ARRAY','schema':{'column_count':1,'columns':[{'name':'n','position':0,"
        + "'type_name':'INT','type_text':'INT'}]},'total_chunk_count':1,'total_row_count':1,"
        + "'chunks':[{'chunk_index':0,'row_offset':0,'row_count':1}]},"
        + "'result':{'chunk_index':0,'row_offset':0,'row_count':1,'data_array':[['2']]}}}"));

    try (StatementResult rows = genie.queryResult(answer, "att-2")) {
      assertEquals(2, rows.toList().get(0).getInt("n"));
    }

    expectGet(server, messagePath("msg-1") + "/attachments/att-2/query-result");
  }

  @Test
  void anAttachmentThatIsNotAQueryOfTheAnswerIsRefused() throws Exception {
    GenieAnswer answer = twoQueryAnswer();

    assertThrows(InvalidRequestException.class, () -> genie.queryResult(answer, "att-t"));
    assertThrows(InvalidRequestException.class, () -> genie.downloadFullResult(answer, "att-9"));
    assertEquals(0, server.getRequestCount());
  }
}

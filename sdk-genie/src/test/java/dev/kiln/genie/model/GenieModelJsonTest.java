package dev.kiln.genie.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.core.Json;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GenieModelJsonTest {
  private static GenieMessage read(String singleQuoted) throws Exception {
    return Json.mapper().readValue(singleQuoted.replace('\'', '"'), GenieMessage.class);
  }

  private static final String ANSWERED = "{'message_id':'m-1','conversation_id':'c-1','space_id':'s-1',"
      + "'content':'Top agencies?','status':'COMPLETED','created_timestamp':1700000000000,"
      + "'attachments':["
      + "{'attachment_id':'a-text','text':{'content':'Agency A leads.','purpose':'ANSWER'}},"
      + "{'attachment_id':'a-query','query':{'title':'Totals','description':'Sums amount by agency',"
      + "'query':'SELECT agency, SUM(amount) FROM gold.bir GROUP BY agency','statement_id':'st-1',"
      + "'query_result_metadata':{'row_count':12,'is_truncated':true}}},"
      + "{'attachment_id':'a-text2','text':{'content':'Agency B is second.'}},"
      + "{'attachment_id':'a-sugg','suggested_questions':{'questions':['By month?','By region?']}},"
      + "{'attachment_id':'a-chart','chart':{'kind':'bar','x':'agency'}}]}";

  @Test
  void readsAMessageWithEveryAttachmentKind() throws Exception {
    GenieMessage m = read(ANSWERED);
    assertEquals("m-1", m.messageId());
    assertEquals("c-1", m.conversationId());
    assertEquals(Optional.of("s-1"), m.spaceId());
    assertEquals(GenieMessageStatus.COMPLETED, m.status());
    assertEquals(Optional.of(1700000000000L), m.createdTimestamp());
    assertEquals(List.of(GenieAttachmentKind.TEXT, GenieAttachmentKind.QUERY, GenieAttachmentKind.TEXT,
        GenieAttachmentKind.SUGGESTED_QUESTIONS, GenieAttachmentKind.UNKNOWN),
        m.attachments().stream().map(GenieAttachment::kind).collect(java.util.stream.Collectors.toList()));

    GenieAnswer a = GenieAnswer.of("s-1", m);
    assertEquals("Agency A leads.\nAgency B is second.", a.text());
    GenieQuery query = a.query().orElseThrow();
    assertEquals(Optional.of("Totals"), query.title());
    assertEquals(Optional.of("Sums amount by agency"), query.description());
    assertEquals("SELECT agency, SUM(amount) FROM gold.bir GROUP BY agency", query.sql());
    assertEquals(Optional.of("st-1"), query.statementId());
    assertEquals(Optional.of(12L), query.rowCount());
    assertTrue(query.truncated());
    assertEquals(Optional.of("a-query"), a.queryAttachment().flatMap(GenieAttachment::attachmentId));
    assertEquals(List.of("By month?", "By region?"), a.suggestedQuestions());
    assertEquals(Optional.of("Top agencies?"), a.question());
    assertFalse(a.isQueryResultExpired());
  }

  @Test
  void keepsAnUnknownAttachmentKindAsJson() throws Exception {
    GenieAttachment chart = read(ANSWERED).attachments().get(4);
    assertEquals(Optional.of("a-chart"), chart.attachmentId());
    JsonNode json = chart.otherParts().get("chart");
    assertEquals("bar", json.get("kind").asText());
    assertEquals(List.of("chart"), List.copyOf(chart.otherParts().keySet()));
    // and writes it back as it came
    JsonNode written = Json.mapper().valueToTree(chart);
    assertEquals(Json.mapper().readTree("{\"attachment_id\":\"a-chart\",\"chart\":{\"kind\":\"bar\",\"x\":\"agency\"}}"),
        written);
  }

  @Test
  void readsTheDeprecatedIdWhenMessageIdIsMissing() throws Exception {
    GenieMessage m = read("{'id':'m-old','conversation_id':'c-1','status':'ASKING_AI'}");
    assertEquals("m-old", m.messageId());
    assertEquals(GenieMessageStatus.ASKING_AI, m.status());
    assertEquals(List.of(), m.attachments());
  }

  @Test
  void readsMessageIdWhenBothIdsAreSent() throws Exception {
    assertEquals("m-1", read("{'id':'m-1','message_id':'m-1','conversation_id':'c-1'}").messageId());
  }

  @Test
  void keepsAnUnknownStatusAsText() throws Exception {
    GenieMessage m = read("{'message_id':'m-1','conversation_id':'c-1','status':'PONDERING'}");
    assertEquals(GenieMessageStatus.UNKNOWN, m.status());
    assertEquals("PONDERING", m.rawStatus());
    assertFalse(m.status().isTerminal());
  }

  @Test
  void everyTerminalStatusIsTerminal() {
    for (GenieMessageStatus s : GenieMessageStatus.values()) {
      boolean terminal = s == GenieMessageStatus.COMPLETED || s == GenieMessageStatus.FAILED
          || s == GenieMessageStatus.CANCELLED || s == GenieMessageStatus.QUERY_RESULT_EXPIRED;
      assertEquals(terminal, s.isTerminal(), s.name());
    }
  }

  @Test
  void readsTheErrorOfAFailedMessage() throws Exception {
    GenieMessage m = read("{'message_id':'m-1','conversation_id':'c-1','status':'FAILED',"
        + "'error':{'error':'Warehouse stopped','type':'WAREHOUSE_ACCESS_MISSING_EXCEPTION'}}");
    assertEquals(Optional.of("Warehouse stopped"), m.error().flatMap(GenieMessageError::error));
    assertEquals(Optional.of("WAREHOUSE_ACCESS_MISSING_EXCEPTION"), m.error().flatMap(GenieMessageError::type));
  }

  @Test
  void anAnswerWithoutAttachmentsHasEmptyTextAndNoQuery() throws Exception {
    GenieAnswer a = GenieAnswer.of("s-1", read("{'message_id':'m-1','conversation_id':'c-1','status':'COMPLETED'}"));
    assertEquals("", a.text());
    assertEquals(Optional.empty(), a.query());
    assertEquals(List.of(), a.suggestedQuestions());
  }
}

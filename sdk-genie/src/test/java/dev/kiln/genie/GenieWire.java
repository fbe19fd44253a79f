package dev.kiln.genie;

/**
 * Canned Genie messages and paths for wire tests (JSON with ' for "); the generic MockWebServer
 * helpers are core's {@code dev.kiln.core.testing.Wire}.
 */
final class GenieWire {
  static final String SPACE = "/api/2.0/genie/spaces/space-1";
  static final String CONVERSATION = SPACE + "/conversations/conv-1";

  private GenieWire() {}

  /** A message in {@code conv-1} of {@code space-1} with the given status and attachments JSON. */
  static String message(String messageId, String status, String attachments) {
    return "{'message_id':'" + messageId + "','conversation_id':'conv-1','space_id':'space-1',"
        + "'content':'Biggest open opportunities','status':'" + status + "','attachments':" + attachments + "}";
  }

  static String message(String messageId, String status) {
    return message(messageId, status, "[]");
  }

  /** A start-conversation answer carrying the new message in {@code status}. */
  static String started(String messageId, String status) {
    return "{'conversation_id':'conv-1','message_id':'" + messageId + "',"
        + "'conversation':{'conversation_id':'conv-1','space_id':'space-1','title':'Biggest open opportunities'},"
        + "'message':" + message(messageId, status) + "}";
  }

  static String messagePath(String messageId) {
    return CONVERSATION + "/messages/" + messageId;
  }
}

package dev.kiln.emulator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import dev.kiln.emulator.GenieSpaceSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Genie spaces, their conversations and messages, with the 404s for ids that do not fit together. */
final class GenieStore {
  private final Map<String, Space> spaces = new LinkedHashMap<>();
  private final Map<String, Conversation> conversations = new LinkedHashMap<>();
  private final Map<String, GenieMessageState> messages = new LinkedHashMap<>();
  private final StateChanges changes;

  GenieStore(StateChanges changes) {
    this.changes = changes;
  }

  /** A space: its spec and the warehouse it runs on; title, description and warehouse change with updates. */
  static final class Space {
    final String id;
    final GenieSpaceSpec spec;
    // Written under the store's lock; read by the assistant without it.
    volatile String title;
    volatile String description;
    volatile String warehouseId;
    volatile String parentPath = "/Workspace/Users/" + LocalIdentity.USER_NAME;
    volatile String serializedSpace = "{\"version\":1}";
    volatile int version = 1;

    Space(String id, GenieSpaceSpec spec, String warehouseId) {
      this.id = id;
      this.spec = spec;
      this.title = spec.title();
      this.description = spec.description();
      this.warehouseId = warehouseId;
    }

    String etag() {
      return id.substring(0, Math.min(8, id.length())) + "-" + version;
    }

    ObjectNode toJson() {
      return Json.object()
          .put("space_id", id)
          .put("title", title)
          .put("description", description)
          .put("warehouse_id", warehouseId)
          .put("parent_path", parentPath)
          .put("serialized_space", serializedSpace)
          .put("etag", etag());
    }
  }

  /** A conversation; its title is its first question. */
  static final class Conversation {
    final String id;
    final String spaceId;
    final String title;
    final long createdMillis;
    final List<String> messageIds = new ArrayList<>();
    volatile long lastUpdatedMillis;

    Conversation(String id, String spaceId, String title, long nowMillis) {
      this.id = id;
      this.spaceId = spaceId;
      this.title = title;
      this.createdMillis = nowMillis;
      this.lastUpdatedMillis = nowMillis;
    }

    ObjectNode toJson() {
      return Json.object()
          .put("id", id)
          .put("conversation_id", id)
          .put("space_id", spaceId)
          .put("user_id", LocalIdentity.USER_ID)
          .put("title", title)
          .put("created_timestamp", createdMillis)
          .put("last_updated_timestamp", lastUpdatedMillis);
    }

    ObjectNode toSummaryJson() {
      return Json.object().put("conversation_id", id).put("title", title).put("created_timestamp", createdMillis);
    }
  }

  synchronized String addSpace(GenieSpaceSpec spec, String warehouseId) {
    String id = spec.spaceId().orElseGet(Ids::hex32);
    if (spaces.containsKey(id)) {
      throw new IllegalArgumentException("Genie space " + id + " already exists");
    }
    spaces.put(id, new Space(id, spec, warehouseId));
    return id;
  }

  synchronized List<Space> spaces() {
    return new ArrayList<>(spaces.values());
  }

  synchronized Space space(String spaceId) {
    Space space = spaces.get(spaceId);
    if (space == null) {
      throw ApiException.notFound("Genie space " + spaceId + " does not exist.");
    }
    return space;
  }

  /**
   * Applies the fields {@code body} sets; with {@code etag}, a space changed since fails with 409
   * RESOURCE_CONFLICT (the etag changes with every update).
   */
  synchronized Space updateSpace(String spaceId, JsonNode body) {
    Space space = space(spaceId);
    String etag = body.path("etag").asText(null);
    if (etag != null && !etag.equals(space.etag())) {
      throw new ApiException(409, "RESOURCE_CONFLICT",
          "Genie space " + spaceId + " was modified since etag " + etag + "; read it again.");
    }
    String serialized = body.path("serialized_space").asText(null);
    if (serialized != null) {
      try {
        Json.MAPPER.readTree(serialized);
      } catch (IOException e) {
        throw ApiException.invalidParameter("serialized_space is not valid JSON.");
      }
      space.serializedSpace = serialized;
    }
    String title = body.path("title").asText(null);
    if (title != null) {
      if (title.isBlank()) {
        throw ApiException.invalidParameter("title must not be blank.");
      }
      space.title = title;
    }
    space.description = body.path("description").asText(space.description);
    space.warehouseId = body.path("warehouse_id").asText(space.warehouseId);
    space.parentPath = body.path("parent_path").asText(space.parentPath);
    space.version++;
    return space;
  }

  /** Trashed spaces are gone from the API (the UI can restore them; the emulator cannot). */
  synchronized void trashSpace(String spaceId) {
    space(spaceId);
    spaces.remove(spaceId);
    conversations.values().removeIf(c -> {
      if (c.spaceId.equals(spaceId)) {
        c.messageIds.forEach(messages::remove);
        return true;
      }
      return false;
    });
  }

  synchronized void deleteMessage(String spaceId, String conversationId, String messageId) {
    GenieMessageState message = message(spaceId, conversationId, messageId);
    conversations.get(conversationId).messageIds.remove(messageId);
    messages.remove(message.id());
  }

  synchronized Conversation newConversation(Space space, String title, long nowMillis) {
    Conversation conversation = new Conversation(Ids.hex32(), space.id, title, nowMillis);
    conversations.put(conversation.id, conversation);
    return conversation;
  }

  synchronized Conversation conversation(String spaceId, String conversationId) {
    space(spaceId);
    Conversation conversation = conversations.get(conversationId);
    if (conversation == null || !conversation.spaceId.equals(spaceId)) {
      throw ApiException.notFound("Conversation " + conversationId + " does not exist in space " + spaceId + ".");
    }
    return conversation;
  }

  /** Newest first, as the Genie UI lists them. */
  synchronized List<Conversation> conversations(String spaceId) {
    space(spaceId);
    List<Conversation> result = new ArrayList<>();
    for (Conversation conversation : conversations.values()) {
      if (conversation.spaceId.equals(spaceId)) {
        result.add(0, conversation);
      }
    }
    return result;
  }

  synchronized void deleteConversation(String spaceId, String conversationId) {
    Conversation conversation = conversation(spaceId, conversationId);
    conversation.messageIds.forEach(messages::remove);
    conversations.remove(conversationId);
  }

  synchronized GenieMessageState newMessage(Conversation conversation, String content, long nowMillis) {
    GenieMessageState message =
        new GenieMessageState(Ids.hex32(), conversation.spaceId, conversation.id, content, nowMillis, changes);
    messages.put(message.id(), message);
    conversation.messageIds.add(message.id());
    conversation.lastUpdatedMillis = nowMillis;
    return message;
  }

  synchronized GenieMessageState message(String spaceId, String conversationId, String messageId) {
    conversation(spaceId, conversationId);
    GenieMessageState message = messages.get(messageId);
    if (message == null || !message.conversationId().equals(conversationId)) {
      throw ApiException.notFound("Message " + messageId + " does not exist in conversation " + conversationId + ".");
    }
    return message;
  }

  /** A message by id alone, for test hooks such as expiring its query result. */
  synchronized GenieMessageState message(String messageId) {
    GenieMessageState message = messages.get(messageId);
    if (message == null) {
      throw new IllegalArgumentException("Genie message " + messageId + " does not exist");
    }
    return message;
  }

  /** Test support: blocks until the message's status is terminal and returns it. */
  String awaitTerminal(String messageId, Duration timeout) {
    GenieMessageState message = message(messageId);
    changes.await(() -> GenieMessageState.isTerminal(message.status()), timeout,
        () -> "Genie message " + messageId + " is still " + message.status());
    return message.status();
  }

  /** Test support: blocks until the message's status is no longer {@code from} and returns the new one. */
  String awaitChange(String messageId, String from, Duration timeout) {
    GenieMessageState message = message(messageId);
    changes.await(() -> !message.status().equals(from), timeout,
        () -> "Genie message " + messageId + " is still " + from);
    return message.status();
  }

  synchronized List<GenieMessageState> messages(Conversation conversation) {
    List<GenieMessageState> result = new ArrayList<>();
    conversation.messageIds.forEach(id -> result.add(messages.get(id)));
    return result;
  }
}

package dev.kiln.emulator.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/** A Vector Search endpoint: always ONLINE, type STANDARD. */
final class VectorEndpoint {
  private final String name;
  private final String id = Ids.uuid();
  private final Instant createdAt;

  VectorEndpoint(String name, Instant createdAt) {
    this.name = name;
    this.createdAt = createdAt;
  }

  String name() {
    return name;
  }

  ObjectNode toJson(int indexCount) {
    ObjectNode json = Json.object();
    json.put("name", name);
    json.put("id", id);
    json.put("endpoint_type", "STANDARD");
    json.putObject("endpoint_status").put("state", "ONLINE").put("message", "Endpoint is online");
    json.put("creator", LocalIdentity.USER_NAME);
    json.put("creation_timestamp", createdAt.toEpochMilli());
    json.put("last_updated_timestamp", createdAt.toEpochMilli());
    json.put("last_updated_user", LocalIdentity.USER_NAME);
    json.put("num_indexes", indexCount);
    return json;
  }
}

package dev.kiln.emulator.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * A Vector Search endpoint, STANDARD or STORAGE_OPTIMIZED: PROVISIONING until {@code onlineAt} on the
 * workspace clock, then ONLINE (seeded endpoints are online at once).
 */
final class VectorEndpoint {
  static final String STANDARD = "STANDARD";
  static final String STORAGE_OPTIMIZED = "STORAGE_OPTIMIZED";

  private final String name;
  private final String id = Ids.uuid();
  private final String type;
  private final Instant createdAt;
  private final Instant onlineAt;

  VectorEndpoint(String name, String type, Instant createdAt, Instant onlineAt) {
    this.name = name;
    this.type = type;
    this.createdAt = createdAt;
    this.onlineAt = onlineAt;
  }

  String name() {
    return name;
  }

  boolean storageOptimized() {
    return type.equals(STORAGE_OPTIMIZED);
  }

  Instant onlineAt() {
    return onlineAt;
  }

  boolean online(Instant now) {
    return !now.isBefore(onlineAt);
  }

  ObjectNode toJson(int indexCount, Instant now) {
    ObjectNode json = Json.object();
    json.put("name", name);
    json.put("id", id);
    json.put("endpoint_type", type);
    boolean online = online(now);
    json.putObject("endpoint_status")
        .put("state", online ? "ONLINE" : "PROVISIONING")
        .put("message", online ? "Endpoint is online" : "Endpoint is being provisioned");
    json.put("creator", LocalIdentity.USER_NAME);
    json.put("creation_timestamp", createdAt.toEpochMilli());
    json.put("last_updated_timestamp", createdAt.toEpochMilli());
    json.put("last_updated_user", LocalIdentity.USER_NAME);
    json.put("num_indexes", indexCount);
    return json;
  }
}

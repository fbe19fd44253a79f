package dev.kiln.execution.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** Request and response bodies of API 1.2 (camelCase on the wire). Not for users. */
public final class ExecutionWire {
  private ExecutionWire() {}

  /** {@code POST /api/1.2/contexts/create}. */
  public static final class CreateContext {
    @JsonProperty("language") public final String language;
    @JsonProperty("clusterId") public final String clusterId;

    CreateContext(String language, String clusterId) {
      this.language = language;
      this.clusterId = clusterId;
    }
  }

  /** {@code POST /api/1.2/contexts/destroy}. */
  public static final class ContextRef {
    @JsonProperty("clusterId") public final String clusterId;
    @JsonProperty("contextId") public final String contextId;

    ContextRef(String clusterId, String contextId) {
      this.clusterId = clusterId;
      this.contextId = contextId;
    }
  }

  /** {@code POST /api/1.2/commands/execute}. */
  public static final class ExecuteCommand {
    @JsonProperty("language") public final String language;
    @JsonProperty("clusterId") public final String clusterId;
    @JsonProperty("contextId") public final String contextId;
    @JsonProperty("command") public final String command;

    ExecuteCommand(String language, String clusterId, String contextId, String command) {
      this.language = language;
      this.clusterId = clusterId;
      this.contextId = contextId;
      this.command = command;
    }
  }

  /** {@code POST /api/1.2/commands/cancel}. */
  public static final class CommandRef {
    @JsonProperty("clusterId") public final String clusterId;
    @JsonProperty("contextId") public final String contextId;
    @JsonProperty("commandId") public final String commandId;

    CommandRef(String clusterId, String contextId, String commandId) {
      this.clusterId = clusterId;
      this.contextId = contextId;
      this.commandId = commandId;
    }
  }

  /** {@code {id}} answers of contexts/create and commands/execute. */
  public static final class Created {
    @JsonProperty("id") public String id;
  }

  /** {@code GET /api/1.2/contexts/status}. */
  public static final class ContextStatus {
    @JsonProperty("id") public String id;
    @JsonProperty("status") public String status;
  }

  /** {@code GET /api/1.2/commands/status}. */
  public static final class CommandStatus {
    @JsonProperty("id") public String id;
    @JsonProperty("status") public String status;
    @JsonProperty("results") public Results results;
  }

  /** {@code results} of a command: which fields are set depends on {@code resultType}. */
  public static final class Results {
    @JsonProperty("resultType") public String resultType;
    /** text: a string; table: rows (arrays); images: base64 strings. */
    @JsonProperty("data") public JsonNode data;
    @JsonProperty("schema") public List<SchemaField> schema;
    @JsonProperty("truncated") public Boolean truncated;
    @JsonProperty("isJsonSchema") public Boolean isJsonSchema;
    @JsonProperty("summary") public String summary;
    @JsonProperty("cause") public String cause;
    @JsonProperty("fileName") public String fileName;
    @JsonProperty("fileNames") public List<String> fileNames;
  }

  /** One column of a table's {@code schema}; {@code type} is JSON-encoded. */
  public static final class SchemaField {
    @JsonProperty("name") public String name;
    @JsonProperty("type") public JsonNode type;
    @JsonProperty("metadata") public JsonNode metadata;
  }
}

package dev.kiln.emulator.fidelity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.service.compute.ClusterDetails;
import com.databricks.sdk.service.compute.Command;
import com.databricks.sdk.service.compute.CommandStatusResponse;
import com.databricks.sdk.service.compute.ContextStatusResponse;
import com.databricks.sdk.service.compute.CreateContext;
import com.databricks.sdk.service.compute.Created;
import com.databricks.sdk.service.compute.DestroyContext;
import com.databricks.sdk.service.compute.Language;
import com.databricks.sdk.service.compute.ListClustersRequest;
import com.databricks.sdk.service.compute.ListClustersResponse;
import com.databricks.sdk.service.dashboards.GenieGetMessageQueryResultResponse;
import com.databricks.sdk.service.dashboards.GenieListConversationMessagesResponse;
import com.databricks.sdk.service.dashboards.GenieListConversationsResponse;
import com.databricks.sdk.service.dashboards.GenieListSpacesRequest;
import com.databricks.sdk.service.dashboards.GenieListSpacesResponse;
import com.databricks.sdk.service.dashboards.GenieMessage;
import com.databricks.sdk.service.dashboards.GenieSpace;
import com.databricks.sdk.service.dashboards.GenieStartConversationMessageRequest;
import com.databricks.sdk.service.dashboards.GenieStartConversationResponse;
import com.databricks.sdk.service.serving.QueryEndpointInput;
import com.databricks.sdk.service.serving.QueryEndpointResponse;
import com.databricks.sdk.service.serving.ServingEndpointDetailed;
import com.databricks.sdk.service.sql.Disposition;
import com.databricks.sdk.service.sql.ExecuteStatementRequest;
import com.databricks.sdk.service.sql.ListQueriesRequest;
import com.databricks.sdk.service.sql.ListQueryObjectsResponse;
import com.databricks.sdk.service.sql.Query;
import com.databricks.sdk.service.sql.ResultData;
import com.databricks.sdk.service.sql.StatementResponse;
import com.databricks.sdk.service.vectorsearch.DeleteDataVectorIndexRequest;
import com.databricks.sdk.service.vectorsearch.DeleteDataVectorIndexResponse;
import com.databricks.sdk.service.vectorsearch.EndpointInfo;
import com.databricks.sdk.service.vectorsearch.ListEndpointResponse;
import com.databricks.sdk.service.vectorsearch.ListEndpointsRequest;
import com.databricks.sdk.service.vectorsearch.ListVectorIndexesResponse;
import com.databricks.sdk.service.vectorsearch.QueryVectorIndexRequest;
import com.databricks.sdk.service.vectorsearch.QueryVectorIndexResponse;
import com.databricks.sdk.service.vectorsearch.ScanVectorIndexRequest;
import com.databricks.sdk.service.vectorsearch.ScanVectorIndexResponse;
import com.databricks.sdk.service.vectorsearch.UpsertDataVectorIndexRequest;
import com.databricks.sdk.service.vectorsearch.UpsertDataVectorIndexResponse;
import com.databricks.sdk.service.vectorsearch.VectorIndex;
import dev.kiln.emulator.DirectAccessIndexSpec;
import dev.kiln.emulator.GenieRule;
import dev.kiln.emulator.GenieSpaceSpec;
import dev.kiln.emulator.LocalWorkspace;
import dev.kiln.emulator.SavedQuery;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The official SDK ignores JSON fields it has no property for and reads unknown enum values as null, so a
 * misspelt field would pass every typed assertion as "absent". These tests read the raw bodies the SDK received
 * into the SDK's own models strictly ({@link StrictJson}): every field the emulator sends must be one the
 * official models name, and every enum value one they know.
 */
class WireSchemaFidelityTest {
  static LocalWorkspace ws;
  static OfficialSdk.Recorder recorder;
  static WorkspaceClient w;

  @BeforeAll
  static void start() {
    ws = LocalWorkspace.builder().chunkRowCount(2).genieStepDelay(Duration.ZERO).start();
    recorder = new OfficialSdk.Recorder();
    w = OfficialSdk.client(ws, recorder);
  }

  @AfterAll
  static void stop() {
    ws.close();
  }

  /**
   * Fields the emulator rightly sends although SDK 0.69.0's models lack them. Keyed by {@code Model.json_field}.
   */
  static final Map<String, String> REAL_FIELDS_THE_SDK_LACKS = Map.of(
      "StatementStatus.sql_state", "PROTOCOL.md: status{state, error{error_code, message}, sql_state?}",
      "VectorIndexStatus.detailed_state",
      "real: the databricks-vectorsearch client reads status.detailed_state (e.g. ONLINE_NO_PENDING_UPDATE)",
      "V1ResponseChoiceElement.finish_reason",
      "SDK bug: the wire field is OpenAI's finish_reason (PROTOCOL.md); the SDK maps JSON \"finishReason\"",
      "GenieSpace.etag", "SDK 0.149.0's GenieSpace has etag (optimistic concurrency of update)",
      "GenieSpace.parent_path", "SDK 0.149.0's GenieSpace has parent_path",
      "GenieSpace.serialized_space", "SDK 0.149.0's GenieSpace has serialized_space");

  /** Emulator deviations reported to the emulator's owners; {@link #knownDeviationsAreGone} shows them. */
  static final Map<String, String> KNOWN_DEVIATIONS = Map.of(
      "ServingEndpoint.route_optimized", "list item carries get-only fields",
      "ServingEndpoint.permission_level", "list item carries get-only fields",
      "EndpointCoreConfigSummary.traffic_config", "list config is a summary: served_entities/served_models only",
      "EndpointCoreConfigSummary.config_version", "list config is a summary: served_entities/served_models only",
      "ServedEntitySpec.workload_size", "list served_entities are {name, entity_name, entity_version, ...} only",
      "ServedEntitySpec.workload_type", "list served_entities are {name, entity_name, entity_version, ...} only",
      "ServedEntitySpec.scale_to_zero_enabled", "list served_entities are {name, entity_name, entity_version, ...} only",
      "ServedEntitySpec.creator", "list served_entities are {name, entity_name, entity_version, ...} only",
      "ServedEntitySpec.creation_timestamp", "list served_entities are {name, entity_name, entity_version, ...} only",
      "ServedEntitySpec.state", "list served_entities are {name, entity_name, entity_version, ...} only");

  static final Map<String, String> MORE_KNOWN_DEVIATIONS = Map.of(
      "ServedModelSpec.workload_size", "list served_models are {name, model_name, model_version} only",
      "ServedModelSpec.scale_to_zero_enabled", "list served_models are {name, model_name, model_version} only",
      "ServedModelSpec.state", "list served_models are {name, model_name, model_version} only",
      "VectorIndex.creation_timestamp", "not a VectorIndex field in any SDK version (0.69.0 .. 0.149.0)");

  private static boolean tolerated(String problem, boolean deviationsToo) {
    for (String field : REAL_FIELDS_THE_SDK_LACKS.keySet()) {
      if (problem.startsWith("unknown field " + field + " ")) {
        return true;
      }
    }
    if (deviationsToo) {
      for (Map<String, String> deviations : List.of(KNOWN_DEVIATIONS, MORE_KNOWN_DEVIATIONS)) {
        for (String field : deviations.keySet()) {
          if (problem.startsWith("unknown field " + field + " ")) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private static List<String> check(String requestLine, Class<?> model) {
    return check(requestLine, model, true);
  }

  private static List<String> check(String requestLine, Class<?> model, boolean toleratingKnownDeviations) {
    List<String> problems = new ArrayList<>();
    for (String p : StrictJson.problems(recorder.lastBody(requestLine), model)) {
      if (!tolerated(p, toleratingKnownDeviations)) {
        problems.add(requestLine + " -> " + p);
      }
    }
    return problems;
  }

  private static void assertNoProblems(List<String> problems) {
    assertEquals(List.of(), problems, String.join("\n", problems));
  }

  @Test
  void sqlResponses() {
    String s = "/api/2.0/sql/statements";
    StatementResponse ok = w.statementExecution().executeStatement(new ExecuteStatementRequest()
        .setWarehouseId(ws.defaultWarehouseId()).setStatement("SELECT id, CAST(id AS DECIMAL(5,1)) AS d FROM range(5)"));
    List<String> problems = new ArrayList<>(check("POST " + s, StatementResponse.class));
    w.statementExecution().getStatement(ok.getStatementId());
    problems.addAll(check("GET " + s + "/" + ok.getStatementId(), StatementResponse.class));
    w.statementExecution().getStatementResultChunkN(ok.getStatementId(), 1);
    problems.addAll(check("GET " + s + "/" + ok.getStatementId() + "/result/chunks/1", ResultData.class));

    StatementResponse links = w.statementExecution().executeStatement(new ExecuteStatementRequest()
        .setWarehouseId(ws.defaultWarehouseId()).setStatement("SELECT id FROM range(5)")
        .setDisposition(Disposition.EXTERNAL_LINKS));
    problems.addAll(check("POST " + s, StatementResponse.class));
    w.statementExecution().getStatementResultChunkN(links.getStatementId(), 2);
    problems.addAll(check("GET " + s + "/" + links.getStatementId() + "/result/chunks/2", ResultData.class));

    w.statementExecution().executeStatement(new ExecuteStatementRequest()
        .setWarehouseId(ws.defaultWarehouseId()).setStatement("SELECT * FROM nope"));
    problems.addAll(check("POST " + s, StatementResponse.class));

    String id = ws.addQuery(SavedQuery.builder().displayName("q").queryText("SELECT :p").putParameters("p", "x")
        .catalog("main").schema("default").addTags("t").build());
    w.queries().list(new ListQueriesRequest()).forEach(q -> { });
    problems.addAll(check("GET /api/2.0/sql/queries", ListQueryObjectsResponse.class));
    w.queries().get(id);
    problems.addAll(check("GET /api/2.0/sql/queries/" + id, Query.class));
    assertNoProblems(problems);
  }

  @Test
  void clusterAndCommandResponses() throws Exception {
    String cluster = ws.defaultClusterId();
    w.clusters().get(cluster);
    List<String> problems = new ArrayList<>(check("GET /api/2.1/clusters/get", ClusterDetails.class));
    w.clusters().list(new ListClustersRequest()).forEach(c -> { });
    problems.addAll(check("GET /api/2.1/clusters/list", ListClustersResponse.class));

    String context = w.commandExecution().create(new CreateContext().setClusterId(cluster).setLanguage(Language.SQL))
        .get(Duration.ofSeconds(20)).getId();
    problems.addAll(check("POST /api/1.2/contexts/create", Created.class));
    problems.addAll(check("GET /api/1.2/contexts/status", ContextStatusResponse.class));
    w.commandExecution().execute(new Command().setClusterId(cluster).setContextId(context).setLanguage(Language.SQL)
        .setCommand("SELECT 1 AS n, 'x' AS s")).get(Duration.ofSeconds(20));
    problems.addAll(check("POST /api/1.2/commands/execute", Created.class));
    problems.addAll(check("GET /api/1.2/commands/status", CommandStatusResponse.class));
    w.commandExecution().execute(new Command().setClusterId(cluster).setContextId(context).setLanguage(Language.SQL)
        .setCommand("SELECT * FROM nope")).get(Duration.ofSeconds(20));
    problems.addAll(check("GET /api/1.2/commands/status", CommandStatusResponse.class));
    w.commandExecution().destroy(new DestroyContext().setClusterId(cluster).setContextId(context));
    assertNoProblems(problems);
  }

  @Test
  void servingResponses() {
    w.servingEndpoints().list().forEach(e -> { });
    List<String> problems = new ArrayList<>(
        check("GET /api/2.0/serving-endpoints", com.databricks.sdk.service.serving.ListEndpointsResponse.class));
    w.servingEndpoints().get("databricks-llama");
    problems.addAll(check("GET /api/2.0/serving-endpoints/databricks-llama", ServingEndpointDetailed.class));
    w.servingEndpoints().query(new QueryEndpointInput().setName("databricks-llama").setPrompt("hi there"));
    problems.addAll(check("POST /serving-endpoints/databricks-llama/invocations", QueryEndpointResponse.class));
    w.servingEndpoints().query(new QueryEndpointInput().setName("databricks-llama")
        .setMessages(List.of(new com.databricks.sdk.service.serving.ChatMessage()
            .setRole(com.databricks.sdk.service.serving.ChatMessageRole.USER).setContent("hi"))));
    problems.addAll(check("POST /serving-endpoints/databricks-llama/invocations", QueryEndpointResponse.class));
    w.servingEndpoints().query(new QueryEndpointInput().setName("databricks-bge-large-en").setInput("hi"));
    problems.addAll(check("POST /serving-endpoints/databricks-bge-large-en/invocations", QueryEndpointResponse.class));
    w.servingEndpoints().query(new QueryEndpointInput().setName("bir-tax-forecaster")
        .setDataframeRecords(List.of(Map.of("prev_month_wht", 1))));
    problems.addAll(check("POST /serving-endpoints/bir-tax-forecaster/invocations", QueryEndpointResponse.class));
    assertNoProblems(problems);
  }

  @Test
  void vectorSearchResponses() {
    ws.addDirectAccessIndex(DirectAccessIndexSpec.builder().name("main.s.items").primaryKey("id")
        .embeddingVectorColumn("v").embeddingDimension(2)
        .putSchema("id", "long").putSchema("name", "string").putSchema("v", "array<float>").build());
    String index = "/api/2.0/vector-search/indexes/main.s.items";
    w.vectorSearchIndexes().upsertDataVectorIndex(new UpsertDataVectorIndexRequest().setIndexName("main.s.items")
        .setInputsJson("[{\"id\": 1, \"name\": \"a\", \"v\": [1, 0]}, {\"id\": 2, \"name\": \"b\", \"v\": [0, 1]}]"));
    List<String> problems = new ArrayList<>(check("POST " + index + "/upsert-data", UpsertDataVectorIndexResponse.class));
    w.vectorSearchEndpoints().listEndpoints(new ListEndpointsRequest()).forEach(e -> { });
    problems.addAll(check("GET /api/2.0/vector-search/endpoints", ListEndpointResponse.class));
    w.vectorSearchEndpoints().getEndpoint(ws.defaultVectorSearchEndpoint());
    problems.addAll(check("GET /api/2.0/vector-search/endpoints/" + ws.defaultVectorSearchEndpoint(), EndpointInfo.class));
    w.vectorSearchIndexes().listIndexes(ws.defaultVectorSearchEndpoint()).forEach(i -> { });
    problems.addAll(check("GET /api/2.0/vector-search/indexes", ListVectorIndexesResponse.class));
    w.vectorSearchIndexes().getIndex("main.s.items");
    problems.addAll(check("GET " + index, VectorIndex.class));
    w.vectorSearchIndexes().queryIndex(new QueryVectorIndexRequest().setIndexName("main.s.items")
        .setColumns(List.of("id", "name")).setQueryVector(List.of(1.0, 0.0)));
    problems.addAll(check("POST " + index + "/query", QueryVectorIndexResponse.class));
    w.vectorSearchIndexes().scanIndex(new ScanVectorIndexRequest().setIndexName("main.s.items").setNumResults(10L));
    problems.addAll(check("POST " + index + "/scan", ScanVectorIndexResponse.class));
    w.vectorSearchIndexes().deleteDataVectorIndex(
        new DeleteDataVectorIndexRequest().setIndexName("main.s.items").setPrimaryKeys(List.of("2")));
    problems.addAll(check("DELETE " + index + "/delete-data", DeleteDataVectorIndexResponse.class));
    assertNoProblems(problems);
  }

  @Test
  void knownDeviationsAreGone() {
    w.servingEndpoints().list().forEach(e -> { });
    List<String> problems = new ArrayList<>(check("GET /api/2.0/serving-endpoints",
        com.databricks.sdk.service.serving.ListEndpointsResponse.class, false));
    ws.addDirectAccessIndex(DirectAccessIndexSpec.builder().name("main.s.deviations").primaryKey("id")
        .embeddingVectorColumn("v").embeddingDimension(2).build());
    w.vectorSearchIndexes().getIndex("main.s.deviations");
    problems.addAll(check("GET /api/2.0/vector-search/indexes/main.s.deviations", VectorIndex.class, false));
    assertNoProblems(problems);
  }

  @Test
  void genieResponses() throws Exception {
    ws.sql().execute("CREATE TABLE deals AS SELECT 'Acme' AS name, 500 AS amount");
    String space = ws.addGenieSpace(GenieSpaceSpec.builder().title("Deals")
        .addRules(GenieRule.builder().addKeywords("deals").sql("SELECT * FROM deals").answer("One deal.")
            .addSuggestedQuestions("More?").build())
        .addRules(GenieRule.builder().addKeywords("explode").failWith("The model is unavailable.").build())
        .build());
    String g = "/api/2.0/genie/spaces/" + space;
    GenieStartConversationResponse started = w.genie().startConversation(
        new GenieStartConversationMessageRequest().setSpaceId(space).setContent("show deals")).getResponse();
    List<String> problems = new ArrayList<>(check("POST " + g + "/start-conversation", GenieStartConversationResponse.class));
    String m = g + "/conversations/" + started.getConversationId() + "/messages/" + started.getMessageId();
    GenieMessage done = w.genie().waitGetMessageGenieCompleted(started.getConversationId(), started.getMessageId(), space,
        Duration.ofSeconds(20), null); // the generated waiter takes its ids in alphabetical order
    problems.addAll(check("GET " + m, GenieMessage.class));
    String attachment = done.getAttachments().stream().filter(a -> a.getQuery() != null).findFirst().get().getAttachmentId();
    w.genie().getMessageAttachmentQueryResult(space, started.getConversationId(), started.getMessageId(), attachment);
    problems.addAll(check("GET " + m + "/attachments/" + attachment + "/query-result", GenieGetMessageQueryResultResponse.class));
    w.genie().listConversations(space);
    problems.addAll(check("GET " + g + "/conversations", GenieListConversationsResponse.class));
    w.genie().listConversationMessages(space, started.getConversationId());
    problems.addAll(check("GET " + g + "/conversations/" + started.getConversationId() + "/messages",
        GenieListConversationMessagesResponse.class));
    w.genie().listSpaces(new GenieListSpacesRequest());
    problems.addAll(check("GET /api/2.0/genie/spaces", GenieListSpacesResponse.class));
    w.genie().getSpace(space);
    problems.addAll(check("GET " + g, GenieSpace.class));

    GenieStartConversationResponse failing = w.genie().startConversation(
        new GenieStartConversationMessageRequest().setSpaceId(space).setContent("explode")).getResponse();
    String f = g + "/conversations/" + failing.getConversationId() + "/messages/" + failing.getMessageId();
    ws.awaitGenieMessage(failing.getMessageId(), Duration.ofSeconds(20));
    assertEquals(com.databricks.sdk.service.dashboards.MessageStatus.FAILED,
        w.genie().getMessage(space, failing.getConversationId(), failing.getMessageId()).getStatus());
    problems.addAll(check("GET " + f, GenieMessage.class));
    assertNoProblems(problems);
  }
}

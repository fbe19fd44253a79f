package dev.kiln.examples.snippets;

import dev.kiln.core.DatabricksClient;
import dev.kiln.core.auth.Credentials;
import dev.kiln.core.error.NotFoundException;
import dev.kiln.execution.ClustersClient;
import dev.kiln.execution.ExecutionClient;
import dev.kiln.execution.ExecutionContext;
import dev.kiln.execution.model.ClusterInfo;
import dev.kiln.execution.model.ClusterSpec;
import dev.kiln.execution.model.CommandResult;
import dev.kiln.execution.model.Language;
import dev.kiln.files.VolumeFilesClient;
import dev.kiln.genie.GenieClient;
import dev.kiln.genie.model.GenieAnswer;
import dev.kiln.jobs.JobsClient;
import dev.kiln.jobs.model.RunResult;
import dev.kiln.serving.ServingClient;
import dev.kiln.serving.model.ChatCompletion;
import dev.kiln.serving.model.ChatCompletionChunk;
import dev.kiln.serving.model.ChatRequest;
import dev.kiln.serving.model.InvocationRequest;
import dev.kiln.serving.model.InvocationResponse;
import dev.kiln.sql.SqlClient;
import dev.kiln.sql.StatementResult;
import dev.kiln.vectorsearch.VectorSearchClient;
import dev.kiln.vectorsearch.model.VectorQuery;
import dev.kiln.vectorsearch.model.VectorQueryResult;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The Kiln column of the README's "Coming from the official SDK" table, compiled: {@code ReadmeSnippetsTest} checks
 * that every Kiln call the table shows appears here verbatim. Never run (it addresses a real workspace).
 */
@SuppressWarnings("unused")
final class OfficialSdkMapping {
  private OfficialSdkMapping() {}

  static void calls(String host, String token, String warehouseId, String statement, ClusterSpec spec,
      String clusterId, String code, long jobId, String endpoint, List<Map<String, Object>> records,
      ChatRequest request, String index, String text, String spaceId, String question, String path,
      InputStream in) throws Exception {
    try (DatabricksClient db = DatabricksClient.fromEnvironment();
        DatabricksClient explicit = DatabricksClient.builder().host(host).credentials(Credentials.personalAccessToken(token)).build()) {
      try (StatementResult result = SqlClient.create(db).execute(warehouseId, statement)) {
        result.rows().forEach(row -> { });
      }
      ClusterInfo cluster = ClustersClient.create(db).create(spec).await();
      try (ExecutionContext ctx = ExecutionClient.create(db).createContext(clusterId, Language.PYTHON)) {
        CommandResult output = ctx.execute(code);
      }
      RunResult run = JobsClient.create(db).runNow(jobId).await();
      ServingClient serving = ServingClient.create(db);
      InvocationResponse prediction = serving.query(endpoint, InvocationRequest.dataframeRecords(records));
      ChatCompletion reply = serving.chat(endpoint, request);
      try (Stream<ChatCompletionChunk> chunks = serving.chatStream(endpoint, request)) {
        chunks.forEach(chunk -> { });
      }
      VectorQueryResult hits = VectorSearchClient.create(db).query(index, VectorQuery.builder().addColumns("id", "text").queryText(text).build());
      GenieClient genie = GenieClient.create(db);
      GenieAnswer answer = genie.ask(spaceId, question);
      try (StatementResult rows = genie.queryResult(answer)) {
        rows.rows().forEach(row -> { });
      }
      VolumeFilesClient volumes = VolumeFilesClient.create(db);
      volumes.upload(path, in, true);
      try (InputStream back = volumes.download(path)) {
        back.readAllBytes();
      }
      try {
        genie.ask(spaceId, question);
      } catch (NotFoundException e) {
        // the official SDK's NotFound; every status and error_code has its own type in dev.kiln.core.error
      }
    }
  }
}

package dev.kiln.benchmarks;

import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.core.DatabricksConfig;
import com.databricks.sdk.core.PatCredentialsProvider;
import com.databricks.sdk.service.sql.Disposition;
import com.databricks.sdk.service.sql.ExecuteStatementRequest;
import com.databricks.sdk.service.sql.ExternalLink;
import com.databricks.sdk.service.sql.Format;
import com.databricks.sdk.service.sql.ResultData;
import com.databricks.sdk.service.sql.StatementResponse;
import com.databricks.sdk.service.sql.StatementState;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * What a user writes with the official Databricks Java SDK, which runs statements and hands out chunk links
 * but downloads nothing: fetch each chunk's link with {@code getStatementResultChunkN}, download it with the
 * JDK {@link HttpClient} (no {@code Authorization}, with the link's {@code http_headers}), parse it with Jackson,
 * read the values. The straightforward loop: one chunk after the other.
 */
final class OfficialSdkReaders {
  private static final TypeReference<List<List<String>>> ROWS = new TypeReference<List<List<String>>>() {};

  private OfficialSdkReaders() {}

  /** PAT auth set explicitly, so the SDK makes no discovery calls. */
  static WorkspaceClient client(String host, String token) {
    return new WorkspaceClient(new DatabricksConfig()
        .setHost(host)
        .setToken(token)
        .setCredentialsProvider(new PatCredentialsProvider()));
  }

  private static StatementResponse execute(WorkspaceClient w, String warehouseId, String sql, Disposition d) {
    StatementResponse r = w.statementExecution().executeStatement(new ExecuteStatementRequest()
        .setWarehouseId(warehouseId)
        .setStatement(sql)
        .setDisposition(d)
        .setFormat(Format.JSON_ARRAY)
        .setWaitTimeout("50s"));
    if (r.getStatus().getState() != StatementState.SUCCEEDED) {
      throw new IllegalStateException("statement " + r.getStatementId() + " is " + r.getStatus().getState());
    }
    return r;
  }

  private static long bytes(StatementResponse r) {
    Long bytes = r.getManifest().getTotalByteCount();
    return bytes == null ? -1 : bytes;
  }

  /** Folds one row (as text) into the checksum the way the Kiln variant does with typed getters. */
  private static long hash(List<String> row) {
    return BenchTable.rowHash(
        Long.parseLong(row.get(0)), Long.parseLong(row.get(1)), Double.parseDouble(row.get(2)), row.get(3));
  }

  /** EXTERNAL_LINKS: chunk links from the SDK, sequential downloads with the JDK HttpClient, Jackson parsing. */
  static final class ExternalLinks implements ResultReader {
    private final WorkspaceClient w;
    private final String warehouseId;
    private final HttpClient http;
    private final ObjectMapper mapper = new ObjectMapper();

    ExternalLinks(WorkspaceClient w, String warehouseId, HttpClient http) {
      this.w = w;
      this.warehouseId = warehouseId;
      this.http = http;
    }

    @Override
    public String name() {
      return "official SDK + JDK HttpClient (sequential)";
    }

    @Override
    public ReadRun read(String sql, HeapProbe probe) throws IOException, InterruptedException {
      long start = System.nanoTime();
      StatementResponse r = execute(w, warehouseId, sql, Disposition.EXTERNAL_LINKS);
      long submitted = System.nanoTime();
      if (probe != null) {
        probe.afterSubmit();
      }
      long chunks = r.getManifest().getTotalChunkCount();
      long rows = 0;
      long checksum = 0;
      ResultData data = r.getResult();
      for (long index = 0; index < chunks; index++) {
        if (index > 0) {
          data = w.statementExecution().getStatementResultChunkN(r.getStatementId(), index);
        }
        for (ExternalLink link : data.getExternalLinks()) {
          for (List<String> row : download(link)) {
            checksum += hash(row);
            if (probe != null) {
              probe.atRow(rows);
            }
            rows++;
          }
        }
      }
      return new ReadRun(r.getStatementId(), rows, checksum, submitted - start, System.nanoTime() - submitted,
          bytes(r));
    }

    private List<List<String>> download(ExternalLink link) throws IOException, InterruptedException {
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(link.getExternalLink())).GET();
      if (link.getHttpHeaders() != null) {
        for (Map.Entry<String, String> header : link.getHttpHeaders().entrySet()) {
          request.header(header.getKey(), header.getValue());
        }
      }
      HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream body = response.body()) {
        if (response.statusCode() != 200) {
          throw new IOException("chunk " + link.getChunkIndex() + " download answered " + response.statusCode());
        }
        return mapper.readValue(body, ROWS);
      }
    }
  }

  /** INLINE: each chunk's {@code data_array} from {@code getStatementResultChunkN}, one after the other. */
  static final class Inline implements ResultReader {
    private final WorkspaceClient w;
    private final String warehouseId;

    Inline(WorkspaceClient w, String warehouseId) {
      this.w = w;
      this.warehouseId = warehouseId;
    }

    @Override
    public String name() {
      return "official SDK getStatementResultChunkN loop";
    }

    @Override
    public ReadRun read(String sql, HeapProbe probe) {
      long start = System.nanoTime();
      StatementResponse r = execute(w, warehouseId, sql, Disposition.INLINE);
      long submitted = System.nanoTime();
      if (probe != null) {
        probe.afterSubmit();
      }
      long chunks = r.getManifest().getTotalChunkCount();
      long rows = 0;
      long checksum = 0;
      ResultData data = r.getResult();
      for (long index = 0; index < chunks; index++) {
        if (index > 0) {
          data = w.statementExecution().getStatementResultChunkN(r.getStatementId(), index);
        }
        for (Collection<String> values : data.getDataArray()) {
          Iterator<String> v = values.iterator();
          checksum += BenchTable.rowHash(
              Long.parseLong(v.next()), Long.parseLong(v.next()), Double.parseDouble(v.next()), v.next());
          if (probe != null) {
            probe.atRow(rows);
          }
          rows++;
        }
      }
      return new ReadRun(r.getStatementId(), rows, checksum, submitted - start, System.nanoTime() - submitted,
          bytes(r));
    }
  }
}

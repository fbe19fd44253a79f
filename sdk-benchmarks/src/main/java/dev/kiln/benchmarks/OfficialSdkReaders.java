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

  /**
   * The loop both readers share: run the statement, then fetch chunk after chunk with {@code
   * getStatementResultChunkN} (the first comes with the statement) and read each part of it row by row.
   *
   * @param <P> a part of a chunk's data: an external link to download, or the inline data itself
   */
  private abstract static class ChunkLoop<P> implements ResultReader {
    private final WorkspaceClient w;
    private final String warehouseId;
    private final Disposition disposition;

    ChunkLoop(WorkspaceClient w, String warehouseId, Disposition disposition) {
      this.w = w;
      this.warehouseId = warehouseId;
      this.disposition = disposition;
    }

    /** The parts of one chunk's data, in order. */
    abstract Iterable<P> parts(ResultData chunk);

    /** The rows of one part, each value as text. */
    abstract Iterable<? extends Collection<String>> rowsOf(P part) throws IOException, InterruptedException;

    @Override
    public final ReadRun read(BenchQuery query, HeapProbe probe) throws IOException, InterruptedException {
      long start = System.nanoTime();
      StatementResponse r = w.statementExecution().executeStatement(new ExecuteStatementRequest()
          .setWarehouseId(warehouseId)
          .setStatement(query.sql)
          .setDisposition(disposition)
          .setFormat(Format.JSON_ARRAY)
          .setWaitTimeout("50s"));
      if (r.getStatus().getState() != StatementState.SUCCEEDED) {
        throw new IllegalStateException("statement " + r.getStatementId() + " is " + r.getStatus().getState());
      }
      long submitted = System.nanoTime();
      long cpuAtSubmit = SqlResultBenchmark.processCpuNanos();
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
        for (P part : parts(data)) {
          for (Collection<String> row : rowsOf(part)) {
            checksum += hash(row, query.numeric);
            if (probe != null) {
              probe.atRow(rows);
            }
            rows++;
          }
        }
      }
      long done = System.nanoTime();
      long readCpu = SqlResultBenchmark.processCpuNanos() - cpuAtSubmit;
      Long bytes = r.getManifest().getTotalByteCount();
      return new ReadRun(r.getStatementId(), rows, checksum, submitted - start, done - submitted,
          bytes == null ? -1 : bytes, readCpu);
    }
  }

  /** Folds one row (as text) into the checksum the way the Kiln variant does with typed getters. */
  private static long hash(Collection<String> row, boolean numeric) {
    Iterator<String> v = row.iterator();
    long id = Long.parseLong(v.next());
    long triple = Long.parseLong(v.next());
    double eighth = Double.parseDouble(v.next());
    return numeric ? BenchTable.numericHash(id, triple, eighth, Long.parseLong(v.next()))
        : BenchTable.rowHash(id, triple, eighth, v.next());
  }

  /** EXTERNAL_LINKS: chunk links from the SDK, sequential downloads with the JDK HttpClient, Jackson parsing. */
  static final class ExternalLinks extends ChunkLoop<ExternalLink> {
    private final HttpClient http;
    private final ObjectMapper mapper = new ObjectMapper();

    ExternalLinks(WorkspaceClient w, String warehouseId, HttpClient http) {
      super(w, warehouseId, Disposition.EXTERNAL_LINKS);
      this.http = http;
    }

    @Override
    public String name() {
      return "official SDK + JDK HttpClient (sequential)";
    }

    @Override
    Iterable<ExternalLink> parts(ResultData chunk) {
      return chunk.getExternalLinks();
    }

    @Override
    List<List<String>> rowsOf(ExternalLink link) throws IOException, InterruptedException {
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
  static final class Inline extends ChunkLoop<ResultData> {
    Inline(WorkspaceClient w, String warehouseId) {
      super(w, warehouseId, Disposition.INLINE);
    }

    @Override
    public String name() {
      return "official SDK getStatementResultChunkN loop";
    }

    @Override
    Iterable<ResultData> parts(ResultData chunk) {
      return List.of(chunk);
    }

    @Override
    Collection<Collection<String>> rowsOf(ResultData chunk) {
      return chunk.getDataArray();
    }
  }
}

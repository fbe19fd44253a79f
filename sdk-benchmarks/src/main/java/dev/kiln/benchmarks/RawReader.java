package dev.kiln.benchmarks;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The raw baseline: hand-written calls with the JDK {@link HttpClient} and Jackson's streaming parser, no SDK.
 * POST the statement (EXTERNAL_LINKS, JSON_ARRAY), then {@code threads} workers each take chunks in order,
 * GET the chunk's link list (the first comes with the statement), download every link and parse it on the
 * fly, token by token, into typed values. Rows are not handed out in order: each worker folds its rows into
 * the order-independent checksum. The fastest a user's own code can reasonably get.
 */
final class RawReader implements ResultReader, AutoCloseable {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonFactory FACTORY = MAPPER.getFactory();

  private final String host;
  private final String token;
  private final String warehouseId;
  private final int threads;
  private final HttpClient http;
  private final ExecutorService pool;

  RawReader(String host, String token, String warehouseId, int threads) {
    this.host = host.endsWith("/") ? host.substring(0, host.length() - 1) : host;
    this.token = token;
    this.warehouseId = warehouseId;
    this.threads = threads;
    this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    this.pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "raw-" + threads);
      t.setDaemon(true);
      return t;
    });
  }

  @Override
  public String name() {
    return "raw HttpClient + Jackson streaming, " + threads + " threads";
  }

  @Override
  public ReadRun read(BenchQuery query, HeapProbe probe) throws Exception {
    long start = System.nanoTime();
    String body = MAPPER.createObjectNode()
        .put("warehouse_id", warehouseId)
        .put("statement", query.sql)
        .put("disposition", "EXTERNAL_LINKS")
        .put("format", "JSON_ARRAY")
        .put("wait_timeout", "50s")
        .toString();
    JsonNode statement = api(HttpRequest.newBuilder(URI.create(host + "/api/2.0/sql/statements"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)));
    String state = statement.path("status").path("state").asText();
    if (!"SUCCEEDED".equals(state)) {
      throw new IllegalStateException("statement " + statement.path("statement_id").asText() + " is " + state);
    }
    long submitted = System.nanoTime();
      long cpuAtSubmit = SqlResultBenchmark.processCpuNanos();
    if (probe != null) {
      probe.afterSubmit();
    }
    String id = statement.path("statement_id").asText();
    int chunks = statement.path("manifest").path("total_chunk_count").asInt();
    JsonNode firstLinks = statement.path("result").path("external_links");
    AtomicLong nextChunk = new AtomicLong();
    AtomicLong rowIndex = new AtomicLong();
    List<Future<long[]>> workers = new ArrayList<>();
    for (int w = 0; w < Math.min(threads, chunks); w++) {
      workers.add(pool.submit(() -> {
        long[] acc = new long[2];
        for (long index = nextChunk.getAndIncrement(); index < chunks; index = nextChunk.getAndIncrement()) {
          JsonNode links = index == 0 ? firstLinks
              : api(HttpRequest.newBuilder(URI.create(host + "/api/2.0/sql/statements/" + id + "/result/chunks/"
                  + index)).GET()).path("external_links");
          for (JsonNode link : links) {
            download(link, query, acc, probe, rowIndex);
          }
        }
        return acc;
      }));
    }
    long rows = 0;
    long checksum = 0;
    try {
      for (Future<long[]> f : workers) {
        long[] acc = f.get();
        rows += acc[0];
        checksum += acc[1];
      }
    } catch (ExecutionException e) {
      throw e.getCause() instanceof Exception ? (Exception) e.getCause() : e;
    }
    long done = System.nanoTime();
      long readCpu = SqlResultBenchmark.processCpuNanos() - cpuAtSubmit;
    long bytes = statement.path("manifest").path("total_byte_count").asLong(-1);
    return new ReadRun(id, rows, checksum, submitted - start, done - submitted, bytes, readCpu);
  }

  private JsonNode api(HttpRequest.Builder request) throws IOException, InterruptedException {
    return api(http, token, request);
  }

  /** One workspace API call with a bearer token: the JSON reply, or an IOException for any status but 200. */
  static JsonNode api(HttpClient http, String token, HttpRequest.Builder request)
      throws IOException, InterruptedException {
    HttpResponse<InputStream> response = http.send(request.header("Authorization", "Bearer " + token).build(),
        HttpResponse.BodyHandlers.ofInputStream());
    try (InputStream body = response.body()) {
      if (response.statusCode() != 200) {
        throw new IOException(request.build().uri() + " answered " + response.statusCode());
      }
      return MAPPER.readTree(body);
    }
  }

  /** Downloads one link and folds its rows into {@code acc} ({rows, checksum}) as they are parsed. */
  private void download(JsonNode link, BenchQuery query, long[] acc, HeapProbe probe, AtomicLong rowIndex)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(link.path("external_link").asText())).GET();
    for (Iterator<Map.Entry<String, JsonNode>> h = link.path("http_headers").fields(); h.hasNext(); ) {
      Map.Entry<String, JsonNode> header = h.next();
      request.header(header.getKey(), header.getValue().asText());
    }
    HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    try (InputStream body = response.body(); JsonParser p = FACTORY.createParser(body)) {
      if (response.statusCode() != 200) {
        throw new IOException("chunk " + link.path("chunk_index") + " download answered " + response.statusCode());
      }
      if (p.nextToken() != JsonToken.START_ARRAY) {
        throw new IOException("chunk is not a JSON array");
      }
      while (p.nextToken() == JsonToken.START_ARRAY) {
        long id = Long.parseLong(p.nextTextValue());
        long triple = Long.parseLong(p.nextTextValue());
        double eighth = Double.parseDouble(p.nextTextValue());
        String last = p.nextTextValue();
        acc[1] += query.numeric ? BenchTable.numericHash(id, triple, eighth, Long.parseLong(last))
            : BenchTable.rowHash(id, triple, eighth, last);
        acc[0]++;
        if (p.nextToken() != JsonToken.END_ARRAY) {
          throw new IOException("a row has more than 4 values");
        }
        if (probe != null) {
          probe.atRow(rowIndex.getAndIncrement());
        }
      }
    }
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}

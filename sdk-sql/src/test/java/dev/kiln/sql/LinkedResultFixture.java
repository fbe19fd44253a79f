package dev.kiln.sql;

import static dev.kiln.sql.SqlTestBase.statement;

import dev.kiln.core.DatabricksClient;
import dev.kiln.core.Json;
import dev.kiln.core.testing.FakeSleeper;
import dev.kiln.core.testing.TestClients;
import dev.kiln.core.testing.Wire;
import dev.kiln.sql.internal.StatementApi;
import dev.kiln.sql.model.StatementResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A succeeded EXTERNAL_LINKS statement whose chunks {@code storage} serves (every link fresh, so no
 * workspace call is needed), read through a {@link StatementResult} that reports the bytes its
 * readers hold ahead to {@link #held} / {@link #peakHeld}.
 */
abstract class LinkedResultFixture {
  static final String VALID_UNTIL = "2026-01-01T00:15:00Z";
  /** Pads each row so chunks are many KiB. */
  static final String PAD = "x".repeat(40);

  @StartStop
  final MockWebServer storage = new MockWebServer();
  final FakeSleeper sleeper = new FakeSleeper();
  final List<RecordedRequest> downloads = new CopyOnWriteArrayList<>();
  /** Downloads Kiln started (counted as they are sent, unlike {@link #downloads}, which the server records later). */
  final java.util.concurrent.atomic.AtomicInteger downloadsSent = new java.util.concurrent.atomic.AtomicInteger();
  final Map<String, MockResponse> bodies = new ConcurrentHashMap<>();
  final AtomicLong held = new AtomicLong();
  final AtomicLong peakHeld = new AtomicLong();
  /** Serve every chunk as an LZ4 frame ({@code result_compression: LZ4_FRAME}). */
  boolean lz4;
  DatabricksClient db;

  @BeforeEach
  void startClient() {
    db = TestClients.builder("http://localhost:1/", sleeper).listener(new dev.kiln.core.ClientListener() {
      @Override
      public void requestSent(dev.kiln.core.RequestEvent event) {
        if (event.pathTemplate().equals("{external_link}")) {
          downloadsSent.incrementAndGet();
        }
      }
    }).build();
    storage.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest r) {
        downloads.add(r);
        MockResponse body = bodies.get(r.getTarget());
        return body != null ? body : Wire.error(404, "{'error_code':'NOT_FOUND','message':'no fixture'}");
      }
    });
  }

  @AfterEach
  void closeClient() {
    db.close();
  }

  /** A result of {@code chunks} JSON_ARRAY chunks of {@code rows} rows (ids 1..n), all behind links. */
  StatementResult result(int chunks, int rows, SqlOptions options) throws Exception {
    String links = IntStream.range(0, chunks).mapToObj(i -> "{'chunk_index':" + i + ",'row_offset':" + (i * rows)
        + ",'row_count':" + rows + ",'external_link':'" + storage.url("/c" + i) + "','expiration':'" + VALID_UNTIL + "'}")
        .collect(Collectors.joining(","));
    String manifestChunks = IntStream.range(0, chunks)
        .mapToObj(i -> "{'chunk_index':" + i + ",'row_offset':" + (i * rows) + ",'row_count':" + rows + "}")
        .collect(Collectors.joining(","));
    for (int i = 0; i < chunks; i++) {
      byte[] plain = body(i, rows).getBytes(java.nio.charset.StandardCharsets.UTF_8);
      bodies.putIfAbsent("/c" + i, new MockResponse.Builder().code(200)
          .body(new okio.Buffer().write(lz4 ? lz4Frame(plain) : plain)).build());
    }
    StatementResponse response = Json.mapper().readValue(Wire.json(statement("b1", "SUCCEEDED",
        "'manifest':{'format':'JSON_ARRAY','schema':{'column_count':2,'columns':["
            + "{'name':'id','position':0,'type_name':'LONG'},{'name':'txt','position':1,'type_name':'STRING'}]},"
            + "'total_chunk_count':" + chunks + ",'total_row_count':" + (chunks * rows) + ",'chunks':[" + manifestChunks
            + "]" + (lz4 ? ",'result_compression':'LZ4_FRAME'" : "") + "},'result':{'external_links':[" + links + "]}")),
        StatementResponse.class);
    return new StatementResult(new StatementApi(db, Duration.ofSeconds(30)), options, response, now -> {
      held.set(now);
      peakHeld.accumulateAndGet(now, Math::max);
    });
  }

  static String body(int chunk, int rows) {
    StringBuilder b = new StringBuilder("[");
    for (int r = 0; r < rows; r++) {
      long id = (long) chunk * rows + r + 1;
      b.append(r == 0 ? "" : ",").append("[\"").append(id).append("\",\"").append(PAD).append(id).append("\"]");
    }
    return b.append(']').toString();
  }

  static byte[] lz4Frame(byte[] plain) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    try (net.jpountz.lz4.LZ4FrameOutputStream z = new net.jpountz.lz4.LZ4FrameOutputStream(out,
        net.jpountz.lz4.LZ4FrameOutputStream.BLOCKSIZE.SIZE_64KB)) {
      z.write(plain);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** Waits (bounded, without sleeping) until the condition holds. */
  static void awaitTrue(BooleanSupplier condition) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within 10 s");
      }
      Thread.yield();
    }
  }

  static long bufferingThreads() {
    return Thread.getAllStackTraces().values().stream()
        .filter(stack -> java.util.Arrays.stream(stack).anyMatch(f -> f.getClassName().endsWith("ChunkBytes")))
        .count();
  }
}

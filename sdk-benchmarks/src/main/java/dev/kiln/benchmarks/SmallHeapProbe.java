package dev.kiln.benchmarks;

import dev.kiln.core.DatabricksClient;
import dev.kiln.core.auth.Credentials;
import dev.kiln.emulator.LocalWorkspace;
import dev.kiln.sql.SqlClient;
import dev.kiln.sql.model.Disposition;
import dev.kiln.sql.model.Format;
import dev.kiln.sql.model.ResultCompression;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Live heap of each reader in a small heap (run this JVM with e.g. {@code -Xmx64m}): the emulator runs in a
 * child JVM with its own heap ({@code emulatorHeap}, 6g: it renders the whole result) (in the same JVM it alone fills 64 MB while rendering a large result), so
 * this JVM holds only the reader. One untimed {@link HeapProbe} pass per variant over {@link BenchTable}:
 * {@code java -Xmx64m -cp ... dev.kiln.benchmarks.SmallHeapProbe rows=1000000 chunks=10} ({@code kilnOnly=true}: only
 * Kiln's three variants).
 */
public final class SmallHeapProbe {
  private SmallHeapProbe() {}

  public static void main(String[] args) throws Exception {
    BenchArgs p = BenchArgs.of(System.getProperties(), args);
    int rows = p.integer("rows", 1_000_000);
    int chunks = p.integer("chunks", 10);
    int chunkRows = (rows + chunks - 1) / chunks;
    if (p.bool("serve", false)) {
      serve(rows, chunkRows, p.integer("maxResultGb", 2) * (1L << 30));
      return;
    }
    String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    Process child = new ProcessBuilder(java, "-Xmx" + p.string("emulatorHeap", "6g"), "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-cp",
        System.getProperty("java.class.path"), SmallHeapProbe.class.getName(), "serve=true", "rows=" + rows,
        "chunks=" + chunks, "maxResultGb=" + p.integer("maxResultGb", 2)).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
      String line;
      while ((line = out.readLine()) != null && !line.startsWith("READY ")) {
        System.out.println("emulator: " + line);
      }
      if (line == null) {
        throw new IllegalStateException("the emulator JVM ended before it was ready");
      }
      String[] ready = line.split(" ");
      probeAll(ready[1], ready[2], ready[3], rows, chunkRows, p.bool("kilnOnly", false));
    } finally {
      child.destroy();
    }
  }

  /** The child: a workspace with the table, its address on stdout, until stdin closes. */
  private static void serve(int rows, int chunkRows, long maxResultBytes) throws Exception {
    try (LocalWorkspace ws = LocalWorkspace.builder().chunkRowCount(chunkRows).maxResultBytes(maxResultBytes).start()) {
      ws.sql().execute(BenchTable.createStatement(rows));
      System.out.println("READY " + ws.host() + " " + ws.token() + " " + ws.defaultWarehouseId());
      System.out.flush();
      while (System.in.read() >= 0) {
        // until the parent closes the pipe
      }
    }
  }

  private static void probeAll(String host, String token, String warehouse, int rows, int chunkRows, boolean kilnOnly)
      throws Exception {
    long expected = BenchTable.expectedChecksum(rows);
    DatabricksClient db = DatabricksClient.builder().host(host)
        .credentials(Credentials.personalAccessToken(token)).build();
    SqlClient kiln = SqlClient.create(db);
    List<ResultReader> readers = new ArrayList<>(Arrays.asList(
        new KilnReader(kiln, warehouse, Disposition.EXTERNAL_LINKS, Format.JSON_ARRAY),
        new KilnReader(kiln, warehouse, Disposition.EXTERNAL_LINKS, Format.ARROW_STREAM),
        new KilnReader(kiln, warehouse, Disposition.EXTERNAL_LINKS, Format.ARROW_STREAM, ResultCompression.NONE)));
    if (!kilnOnly) {
      readers.addAll(Arrays.asList(
          new RawReader(host, token, warehouse, 4),
          new RawReader(host, token, warehouse, 16),
          new OfficialSdkReaders.ExternalLinks(OfficialSdkReaders.client(host, token), warehouse,
              HttpClient.newHttpClient())));
    }
    System.out.printf(Locale.ROOT, "live heap, %,d rows in chunks of %,d rows, max heap %d MB, emulator in a child JVM%n",
        rows, chunkRows, Runtime.getRuntime().maxMemory() >> 20);
    for (ResultReader reader : readers) {
      HeapProbe probe = new HeapProbe(chunkRows, chunkRows / 2);
      long start = System.nanoTime();
      String outcome;
      try {
        ReadRun run = reader.read(BenchQuery.MIXED, probe);
        boolean ok = run.rows == rows && run.checksum == expected;
        outcome = String.format(Locale.ROOT, "%s, live heap %.1f MB", ok ? "complete"
            : "WRONG: " + run.rows + " rows, checksum " + run.checksum + " (expected " + expected + ")",
            probe.maxAboveBaseline() / 1e6);
      } catch (Throwable e) {
        outcome = "failed: " + e;
      }
      System.out.printf(Locale.ROOT, "%-52s %-40s %6.1f s%n", reader.name(), outcome,
          (System.nanoTime() - start) / 1e9);
    }
    for (ResultReader reader : readers) {
      if (reader instanceof AutoCloseable) {
        ((AutoCloseable) reader).close();
      }
    }
    db.close();
  }
}

package dev.kiln.sql;

import dev.kiln.core.error.DatabricksClientException;
import dev.kiln.sql.internal.ResultChunks;
import dev.kiln.sql.internal.StatementApi;
import dev.kiln.sql.model.Column;
import dev.kiln.sql.model.Format;
import dev.kiln.sql.model.ResultManifest;
import dev.kiln.sql.model.StatementResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.function.LongConsumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The rows of a succeeded statement, streamed chunk by chunk: each pass over {@link #rows()} (or
 * subscription to {@link #rowPublisher()}) downloads chunks ahead of the reader, several at once,
 * holding at most {@link SqlOptions#resultMemoryBudget()} bytes ahead of it, and checks every chunk
 * against the manifest, so a lost chunk is an error rather than a short result. The same
 * {@link Row} getters read JSON_ARRAY, CSV and ARROW_STREAM results. Nothing is fetched until rows
 * are read. {@link #close()} cancels downloads in flight and frees buffered bytes; use
 * try-with-resources.
 */
public final class StatementResult implements AutoCloseable {
  private final StatementResponse response;
  private final RowSchema schema;
  private final ResultChunks chunks;
  private final Set<RowCursor> openCursors = ConcurrentHashMap.newKeySet();
  private final Executor executor;
  private final LongConsumer accounting;
  private volatile boolean closed;

  StatementResult(StatementApi api, SqlOptions options, StatementResponse response) {
    this(api, options, response, null);
  }

  /** {@code accounting} sees, per reader, the bytes held ahead after each change (tests). */
  StatementResult(StatementApi api, SqlOptions options, StatementResponse response, LongConsumer accounting) {
    this.response = response;
    this.schema = new RowSchema(response.manifest().map(ResultManifest::columns).orElse(List.of()));
    this.chunks = new ResultChunks(api, response, options);
    this.executor = api.internals().executor();
    this.accounting = accounting;
  }

  /** The statement this result belongs to. */
  public String statementId() {
    return response.statementId();
  }

  /** The answer this result was built from: manifest and first chunk as the server sent them. */
  public StatementResponse response() {
    return response;
  }

  /** The result's columns in order; empty for a statement that returns no rows. */
  public List<Column> columns() {
    return schema.columns();
  }

  /** The column named so (exact name, else a unique case-insensitive match). */
  public Optional<Column> column(String name) {
    try {
      return Optional.of(schema.column(schema.indexOf(name)));
    } catch (RowAccessException unknown) {
      return Optional.empty();
    }
  }

  /** The format the chunks arrive in, from the manifest; JSON_ARRAY when it does not say. */
  public Format format() {
    return response.manifest().map(ResultManifest::format).orElse(Format.JSON_ARRAY);
  }

  /** Rows in the whole result, from the manifest. */
  public long totalRowCount() {
    return response.manifest().map(m -> m.totalRowCount().orElse(
        m.chunks().stream().mapToLong(c -> c.rowCount().orElse(0)).sum())).orElse(0L);
  }

  /** How many chunks the result has, from the manifest. */
  public int totalChunkCount() {
    return chunks.chunkCount();
  }

  /** Whether a row or byte limit (or the 100 GiB cap) cut the result short. */
  public boolean truncated() {
    return response.manifest().map(ResultManifest::truncated).orElse(false);
  }

  /**
   * Every row of every chunk, in order. Each iteration starts again from the first row (fetching
   * the chunks again); stopping early is fine, {@link #close()} releases what is left. A row stays
   * valid after the iteration moves on (see {@link Row}).
   *
   * @throws UnsupportedFormatException on iteration, for a format this SDK cannot read
   */
  public Iterable<Row> rows() {
    ensureOpen();
    return this::openCursor;
  }

  /** The rows as a sequential stream; close it (or this result) to stop downloads early. */
  public Stream<Row> stream() {
    RowCursor cursor = openCursor();
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(cursor, Spliterator.ORDERED | Spliterator.NONNULL), false)
        .onClose(cursor::close);
  }

  /**
   * The rows as a reactive stream: each subscription is a new pass over the rows, opened at the
   * first {@code request}. Rows are parsed and handed out only against demand; while there is
   * none, downloads stop once {@link SqlOptions#resultMemoryBudget()} is full. {@code onNext} is
   * called serially from the client's executor; failures (including an incomplete result) arrive
   * through {@code onError}. Cancelling aborts the pass's downloads and frees its buffers; closing
   * this result cancels every pass.
   */
  public Flow.Publisher<Row> rowPublisher() {
    ensureOpen();
    return new RowPublisher(this::openCursor, schema, executor);
  }

  /** All rows in memory; meant for small results. */
  public List<Row> toList() {
    List<Row> all = new ArrayList<>((int) Math.min(totalRowCount(), 1 << 16));
    rows().forEach(all::add);
    return all;
  }

  /**
   * Stops every open pass over the rows: pending downloads are abandoned and their buffers freed.
   * The statement's result stays on the server until it expires. Idempotent.
   */
  @Override
  public void close() {
    closed = true;
    for (RowCursor cursor : openCursors) {
      cursor.close();
    }
  }

  /** The statement id, column, row and chunk counts, for logs; never values or links. */
  @Override
  public String toString() {
    return "StatementResult[" + statementId() + ", " + schema.size() + " columns, " + totalRowCount() + " rows in "
        + totalChunkCount() + " chunks" + (truncated() ? ", truncated" : "") + "]";
  }

  private void ensureOpen() {
    if (closed) {
      throw new DatabricksClientException("the result of statement " + statementId() + " is closed");
    }
  }

  private RowCursor openCursor() {
    ensureOpen();
    RowCursor cursor = new RowCursor(chunks.open(accounting), schema, openCursors::remove);
    openCursors.add(cursor);
    if (closed) {
      cursor.close(); // closed while opening
    }
    return cursor;
  }
}

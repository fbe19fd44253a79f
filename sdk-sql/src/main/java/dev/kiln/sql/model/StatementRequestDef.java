package dev.kiln.sql.model;

import dev.kiln.core.error.InvalidRequestException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.immutables.value.Value;

/**
 * A SQL statement to run on a warehouse. {@code build()} rejects what the server would reject (blank
 * warehouse id, a statement over 16 MiB, CSV/ARROW_STREAM without EXTERNAL_LINKS, a wait timeout
 * other than 0 or 5–50 s), so nothing invalid is ever sent.
 */
@Value.Immutable
abstract class StatementRequestDef {
  /** The server's limit on statement text, in UTF-8 bytes. */
  public static final long MAX_STATEMENT_BYTES = 16L * 1024 * 1024;
  private static final Duration MIN_WAIT = Duration.ofSeconds(5);
  private static final Duration MAX_WAIT = Duration.ofSeconds(50);

  /** Required; a default of "" lets {@code build()} report it missing with a helpful message. */
  @Value.Default
  public String warehouseId() {
    return "";
  }

  /** Required; at most 16 MiB of UTF-8. */
  @Value.Default
  public String statement() {
    return "";
  }

  /** The catalog unqualified names resolve in; the warehouse's default when absent. Not blank. */
  public abstract Optional<String> catalog();

  /** The schema unqualified names resolve in; the warehouse's default when absent. Not blank. */
  public abstract Optional<String> schema();

  /** Values for {@code :name} markers in the statement. */
  public abstract List<StatementParameter> parameters();

  /** At most this many rows in the result (the result is then marked truncated). */
  public abstract OptionalLong rowLimit();

  /** At most this many bytes in the result. */
  public abstract OptionalLong byteLimit();

  /** INLINE when absent (the server's default). */
  public abstract Optional<Disposition> disposition();

  /** JSON_ARRAY when absent (the server's default). */
  public abstract Optional<Format> format();

  /**
   * How long the submit call may wait for the statement to finish: 0 (return at once) or 5–50 s in
   * whole seconds. The server's default is 10 s. A fast statement then completes in one round trip.
   */
  public abstract Optional<Duration> waitTimeout();

  /**
   * What happens when {@link #waitTimeout()} runs out: {@code CONTINUE} (the server's default: keep
   * running, poll for the result) or {@code CANCEL}.
   */
  public abstract Optional<OnWaitTimeout> onWaitTimeout();

  /**
   * How external-link bodies should be compressed. When absent, sdk-sql asks for {@code LZ4_FRAME} with
   * ARROW_STREAM + EXTERNAL_LINKS (about half the bytes for numeric data, as the Databricks JDBC driver asks)
   * and sends nothing otherwise; {@code NONE} turns compression off (more bytes, less CPU to decode). The
   * manifest says what the server chose, and the reader follows it.
   */
  public abstract Optional<ResultCompression> resultCompression();

  /** Tags recorded with the statement ({@code query_tags}), to find its executions in query history. */
  public abstract List<QueryTag> queryTags();

  /** The disposition the server will use. */
  public Disposition effectiveDisposition() {
    return disposition().orElse(Disposition.INLINE);
  }

  /**
   * Rejects a request the server would (see the class comment); run by {@code build()}.
   *
   * @throws dev.kiln.core.error.InvalidRequestException naming the first problem found
   */
  @Value.Check
  protected void check() {
    if (warehouseId().isBlank()) {
      throw new InvalidRequestException("warehouseId is blank: pass the id of a SQL warehouse "
          + "(the last part of its HTTP path, /sql/1.0/warehouses/<id>)");
    }
    if (statement().isBlank()) {
      throw new InvalidRequestException("statement is blank: pass the SQL text to run");
    }
    long bytes = utf8Length(statement());
    if (bytes > MAX_STATEMENT_BYTES) {
      throw new InvalidRequestException("statement is " + bytes + " bytes of UTF-8, over the 16 MiB limit: "
          + "move data into a table or into parameters");
    }
    catalog().filter(String::isBlank).ifPresent(c -> {
      throw new InvalidRequestException("catalog is blank: leave it out or name a catalog");
    });
    schema().filter(String::isBlank).ifPresent(s -> {
      throw new InvalidRequestException("schema is blank: leave it out or name a schema");
    });
    Set<String> names = new HashSet<>();
    for (StatementParameter p : parameters()) {
      if (!names.add(p.name())) {
        throw new InvalidRequestException("parameter '" + p.name() + "' is given twice: pass each name once");
      }
    }
    if (rowLimit().isPresent() && rowLimit().getAsLong() <= 0) {
      throw new InvalidRequestException("rowLimit must be positive, was " + rowLimit().getAsLong());
    }
    if (byteLimit().isPresent() && byteLimit().getAsLong() <= 0) {
      throw new InvalidRequestException("byteLimit must be positive, was " + byteLimit().getAsLong());
    }
    Format format = format().orElse(Format.JSON_ARRAY);
    if (format != Format.JSON_ARRAY && effectiveDisposition() == Disposition.INLINE) {
      throw new InvalidRequestException("format " + format + " needs disposition EXTERNAL_LINKS "
          + "(INLINE results are JSON_ARRAY only): add .disposition(Disposition.EXTERNAL_LINKS) or use JSON_ARRAY");
    }
    if (format == Format.UNKNOWN) {
      throw new InvalidRequestException("format UNKNOWN cannot be requested: use JSON_ARRAY, CSV or ARROW_STREAM");
    }
    if (resultCompression().orElse(ResultCompression.NONE) == ResultCompression.UNKNOWN) {
      throw new InvalidRequestException("resultCompression UNKNOWN cannot be requested: use NONE or LZ4_FRAME");
    }
    if (resultCompression().orElse(ResultCompression.NONE) != ResultCompression.NONE
        && effectiveDisposition() == Disposition.INLINE) {
      throw new InvalidRequestException("resultCompression " + resultCompression().get() + " needs disposition "
          + "EXTERNAL_LINKS (INLINE results are never compressed)");
    }
    waitTimeout().ifPresent(StatementRequestDef::checkWaitTimeout);
    if (onWaitTimeout().orElse(OnWaitTimeout.CONTINUE) == OnWaitTimeout.CANCEL
        && waitTimeout().map(Duration::isZero).orElse(false)) {
      throw new InvalidRequestException("onWaitTimeout CANCEL needs a waitTimeout of 5 to 50 seconds, "
          + "not 0 (with 0 the call returns at once and nothing would be cancelled)");
    }
  }

  private static void checkWaitTimeout(Duration wait) {
    boolean wholeSeconds = wait.getNano() == 0;
    boolean inRange = wait.isZero() || (wait.compareTo(MIN_WAIT) >= 0 && wait.compareTo(MAX_WAIT) <= 0);
    if (!wholeSeconds || !inRange) {
      throw new InvalidRequestException("waitTimeout must be 0 or 5 to 50 whole seconds, was " + wait
          + ": use Duration.ZERO to return at once, or e.g. Duration.ofSeconds(30)");
    }
  }

  /** UTF-8 byte length without encoding the whole text. */
  private static long utf8Length(String s) {
    long n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        n += 1;
      } else if (c < 0x800) {
        n += 2;
      } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        n += 4;
        i++;
      } else {
        n += 3;
      }
    }
    return n;
  }
}

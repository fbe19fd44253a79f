package dev.kiln.sql.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.function.BooleanSupplier;

/** Reads one downloaded chunk body into rows of text values while it streams in. */
interface ChunkParser {
  /** How many rows to parse between checks for cancellation. */
  int CANCEL_CHECK_INTERVAL = 1024;

  /**
   * Parses the whole body; throws {@link java.io.InterruptedIOException} once {@code cancelled}
   * turns true, and {@link IOException} on a broken or truncated body.
   */
  List<String[]> parse(InputStream body, BooleanSupplier cancelled) throws IOException;
}

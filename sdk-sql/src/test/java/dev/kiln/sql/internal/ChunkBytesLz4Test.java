package dev.kiln.sql.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executor;
import net.jpountz.lz4.LZ4FrameOutputStream;
import net.jpountz.lz4.LZ4FrameOutputStream.BLOCKSIZE;
import net.jpountz.lz4.LZ4FrameOutputStream.FLG;
import org.junit.jupiter.api.Test;

/**
 * An LZ4-framed chunk body is decoded by its download (the pump), not by the reader: the budget counts the
 * decoded bytes buffered ahead and the decoder's block buffers. The pump runs on the calling thread here, so
 * every step is deterministic.
 */
class ChunkBytesLz4Test {
  private static final Executor INLINE = Runnable::run;

  /** JSON_ARRAY-like rows: compresses about 5 to 1 with 64 KB blocks. */
  static byte[] rows(int n) {
    StringBuilder b = new StringBuilder("[");
    for (int i = 0; i < n; i++) {
      b.append(i == 0 ? "" : ",").append("[\"").append(i).append("\",\"").append(i * 3L).append("\",\"the same label on every row, then ").append(i)
          .append("\"]");
    }
    return b.append(']').toString().getBytes(StandardCharsets.UTF_8);
  }

  static byte[] lz4(byte[] data) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (OutputStream z = new LZ4FrameOutputStream(out, BLOCKSIZE.SIZE_64KB, FLG.Bits.BLOCK_INDEPENDENCE,
        FLG.Bits.CONTENT_CHECKSUM)) {
      z.write(data);
    }
    return out.toByteArray();
  }

  static byte[] readAll(ChunkBytes chunk) throws IOException {
    try (InputStream in = chunk.stream()) {
      return in.readAllBytes();
    }
  }

  @Test
  void theDownloadDecodesAndTheBudgetCountsDecodedBytesAndDecoderBuffers() throws IOException {
    byte[] content = rows(8_000);
    byte[] frame = lz4(content);
    assertTrue(frame.length * 3 < content.length, "compressible: " + frame.length + " of " + content.length);
    ByteBudget budget = new ByteBudget(1024 * 1024, null);
    ChunkBytes chunk = new ChunkBytes(0, budget, INLINE, 0, true);

    chunk.start(new ByteArrayInputStream(frame));

    assertTrue(chunk.downloaded().isDone(), "the whole body fit the budget and was pumped");
    assertEquals(content.length, chunk.buffered(), "decoded bytes are buffered, not the frame's");
    assertEquals(content.length, budget.used(), "the budget holds the decoded bytes (the decoder is done and gave its buffers back)");
    assertTrue(budget.peak() >= content.length + 64 * 1024,
        "while decoding, the decoder's 64 KB block buffers were counted too: peak " + budget.peak());

    assertArrayEquals(content, readAll(chunk));
    chunk.close();
    assertEquals(0, budget.used());
  }

  @Test
  void aBlockWaitsForRoomAndGoesOnWhenItIsGiven() throws IOException {
    byte[] content = rows(2_000);
    ByteBudget budget = new ByteBudget(256 * 1024, null);
    assertTrue(budget.tryAcquire(budget.capacity() - 32 * 1024), "another chunk holds most of the budget");
    ChunkBytes chunk = new ChunkBytes(1, budget, INLINE, 0, true);

    chunk.start(new ByteArrayInputStream(lz4(content)));

    assertEquals(0, chunk.buffered(), "no room for the decoded block's buffer: nothing decoded");
    long held = budget.used() - (budget.capacity() - 32 * 1024);
    assertTrue(held > 0 && held < 32 * 1024, "only the compressed block is held while it waits: " + held);
    assertTrue(!chunk.downloaded().isDone());

    budget.release(budget.capacity() - 32 * 1024); // the other chunk was read: the waiting pump goes on

    assertTrue(chunk.downloaded().isDone());
    assertEquals(content.length, chunk.buffered());
    assertTrue(budget.peak() <= budget.capacity(), "peak " + budget.peak());
    assertArrayEquals(content, readAll(chunk));
    chunk.close();
    assertEquals(0, budget.used());
  }

  @Test
  void aBlockLargerThanTheBudgetIsDecodedByTheReaderAndStillCounted() throws IOException {
    byte[] content = rows(6_000);
    ByteBudget budget = new ByteBudget(32 * 1024, null); // smaller than one 64 KB block
    ChunkBytes chunk = new ChunkBytes(0, budget, INLINE, 0, true);

    chunk.start(new ByteArrayInputStream(lz4(content)));
    assertEquals(0, chunk.buffered(), "the decoded block can never fit ahead of the reader");
    assertTrue(budget.used() <= budget.capacity(), "at most the compressed block is held ahead: " + budget.used());

    assertArrayEquals(content, readAll(chunk));
    assertTrue(budget.peak() > 64 * 1024, "the reader's decoder buffers were counted, past the budget: " + budget.peak());
    chunk.close();
    assertEquals(0, budget.used(), "everything given back");
  }

  @Test
  void aCorruptFrameFailsTheReaderWithTheDecodersError() throws IOException {
    byte[] frame = lz4(rows(3_000));
    frame[frame.length - 2] ^= 0x55; // inside the content checksum
    ByteBudget budget = new ByteBudget(1024 * 1024, null);
    ChunkBytes chunk = new ChunkBytes(0, budget, INLINE, 0, true);

    chunk.start(new ByteArrayInputStream(frame));

    IOException e = assertThrows(IOException.class, () -> readAll(chunk));
    assertTrue(e.getMessage().contains("LZ4 content checksum mismatch"), e.getMessage());
    chunk.close();
    assertEquals(0, budget.used());
  }
}

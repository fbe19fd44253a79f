package dev.kiln.sql.internal.arrow;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Objects;

/**
 * Decompresses the LZ4 frame format (magic {@code 0x184D2204}) in pure Java: one or more concatenated
 * frames, skippable frames between them, blocks of 64 KB to 4 MB, linked or independent, stored
 * (uncompressed) blocks, optional block checksums, content checksum and content size, all verified.
 *
 * <p>Memory is bounded by the frame's maximum block size: one compressed block plus one decoded block
 * and, for linked blocks, the 64 KB window before it. Those buffers can be counted against a {@link
 * BufferRoom}, which {@link #readWithinRoom} lets refuse a growth (the caller comes back once it has room).
 * Corrupt or truncated input fails with an {@link IOException} that names what is wrong. Zero bytes of
 * input read as empty content.
 */
public final class Lz4FrameInputStream extends InputStream {
  static final int MAGIC = 0x184D2204;
  private static final int SKIPPABLE_MAGIC_MASK = 0xFFFFFFF0;
  private static final int SKIPPABLE_MAGIC = 0x184D2A50;
  private static final int LEGACY_MAGIC = 0x184C2102;
  private static final int WINDOW = 64 * 1024;
  /** Spare bytes after the decoded and compressed buffers for {@link #decodeBlock}'s 8-byte copies. */
  static final int COPY_SLACK = 16;
  private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  /** What {@link #readWithinRoom} returns when a buffer must grow and the room refused it. */
  public static final int NO_ROOM = -2;

  /** Where the decoder's block buffers are counted (e.g. a result's byte budget). */
  public interface BufferRoom {
    /** Takes {@code bytes} for a growing buffer; may refuse (false) only when {@code mayRefuse}. */
    boolean take(long bytes, boolean mayRefuse);

    /** Gives back bytes taken before (the buffers were dropped). */
    void give(long bytes);

    /** Counts nothing. */
    BufferRoom UNCOUNTED = new BufferRoom() {
      @Override
      public boolean take(long bytes, boolean mayRefuse) {
        return true;
      }

      @Override
      public void give(long bytes) {}
    };
  }

  /** Thrown inside the decoder only, when a buffer could not grow: the block's state is kept for the retry. */
  private static final class NoRoom extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NoRoom() {
      super(null, null, false, false);
    }
  }

  private static final NoRoom NO_ROOM_SIGNAL = new NoRoom();

  private final InputStream in;
  private final BufferRoom room;
  /** Bytes of {@link #compressed} and {@link #decoded} taken from {@link #room}. */
  private long taken;
  private boolean mayRefuse;
  private long roomWanted;
  /** The current block's size word once read (the block is not decoded yet), and whether its payload is in. */
  private boolean haveBlockWord;
  private int blockWord;
  private boolean havePayload;
  private final byte[] small = new byte[16];
  private final XxHash32 contentHash = new XxHash32(0);

  private boolean inFrame;
  private boolean finished;
  private boolean closed;
  private int frameIndex = -1;

  // Current frame's descriptor.
  private boolean independent;
  private boolean blockChecksum;
  private boolean contentChecksum;
  private long contentSize = -1;
  private long produced;
  private int blockMax;

  private byte[] compressed = new byte[0];
  /** Decoded bytes; for linked blocks, [0, windowStart) holds up to 64 KB of earlier output. */
  private byte[] decoded = new byte[0];
  private int readPos;
  private int writeEnd;

  public Lz4FrameInputStream(InputStream in) {
    this(in, BufferRoom.UNCOUNTED);
  }

  /** Decodes {@code in}, counting its block buffers against {@code room} (given back on close). */
  public Lz4FrameInputStream(InputStream in, BufferRoom room) {
    this.in = Objects.requireNonNull(in, "in");
    this.room = Objects.requireNonNull(room, "room");
  }

  /**
   * Like {@link #read(byte[], int, int)}, but when the next block needs a larger buffer and the room refuses
   * it, returns {@link #NO_ROOM} (nothing read; {@link #roomWanted()} says how much) instead of taking it.
   */
  public int readWithinRoom(byte[] b, int off, int len) throws IOException {
    mayRefuse = true;
    try {
      return read(b, off, len);
    } catch (NoRoom refused) {
      return NO_ROOM;
    } finally {
      mayRefuse = false;
    }
  }

  /** The bytes the last refused growth asked for. */
  public long roomWanted() {
    return roomWanted;
  }

  /** Bytes of block buffers currently counted against the room. */
  public long bufferBytes() {
    return taken;
  }

  @Override
  public int read() throws IOException {
    if (!fill()) {
      return -1;
    }
    return decoded[readPos++] & 0xFF;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    Objects.checkFromIndexSize(off, len, b.length);
    if (len == 0) {
      return 0;
    }
    if (!fill()) {
      return -1;
    }
    int n = Math.min(len, writeEnd - readPos);
    System.arraycopy(decoded, readPos, b, off, n);
    readPos += n;
    return n;
  }

  @Override
  public int available() {
    return closed ? 0 : writeEnd - readPos;
  }

  @Override
  public void close() throws IOException {
    if (!closed) {
      closed = true;
      decoded = new byte[0];
      compressed = new byte[0];
      readPos = writeEnd = 0;
      long given = taken;
      taken = 0;
      room.give(given);
      in.close();
    }
  }

  /** Makes decoded bytes available; false at the end of the last frame. */
  private boolean fill() throws IOException {
    if (closed) {
      throw new IOException("LZ4 stream is closed");
    }
    while (readPos >= writeEnd) {
      if (finished) {
        return false;
      }
      if (!inFrame) {
        if (!startFrame()) {
          finished = true;
          return false;
        }
      } else {
        nextBlock();
      }
    }
    return true;
  }

  /** Reads frame headers, skipping skippable frames; false at a clean end of input. */
  private boolean startFrame() throws IOException {
    while (true) {
      int got = readUpTo(small, 0, 4);
      if (got == 0) {
        return false;
      }
      if (got < 4) {
        throw new IOException("Truncated LZ4 input: " + got + " byte(s) after the last frame where a magic number was expected");
      }
      int magic = XxHash32.intLE(small, 0);
      frameIndex++;
      if ((magic & SKIPPABLE_MAGIC_MASK) == SKIPPABLE_MAGIC) {
        readFully(small, 0, 4, "skippable frame size");
        skipFully(XxHash32.intLE(small, 0) & 0xFFFFFFFFL);
        continue;
      }
      if (magic == LEGACY_MAGIC) {
        throw new IOException("Unsupported LZ4 legacy frame (magic 0x184C2102); expected the LZ4 frame format");
      }
      if (magic != MAGIC) {
        throw new IOException(String.format("Bad LZ4 frame magic 0x%08X in frame %d (expected 0x184D2204)", magic, frameIndex));
      }
      readHeader();
      return true;
    }
  }

  private void readHeader() throws IOException {
    readFully(small, 0, 2, "frame descriptor");
    int flg = small[0] & 0xFF;
    int bd = small[1] & 0xFF;
    if ((flg >>> 6) != 1) {
      throw new IOException("Unsupported LZ4 frame version " + (flg >>> 6) + " (expected 1)");
    }
    if ((flg & 0x02) != 0 || (bd & 0x8F) != 0) {
      throw new IOException("Bad LZ4 frame descriptor: reserved bits set (FLG 0x" + Integer.toHexString(flg) + ", BD 0x" + Integer.toHexString(bd) + ")");
    }
    independent = (flg & 0x20) != 0;
    blockChecksum = (flg & 0x10) != 0;
    boolean hasSize = (flg & 0x08) != 0;
    contentChecksum = (flg & 0x04) != 0;
    boolean hasDictionary = (flg & 0x01) != 0;
    int sizeCode = (bd >>> 4) & 0x07;
    if (sizeCode < 4) {
      throw new IOException("Bad LZ4 frame descriptor: block maximum size code " + sizeCode + " (expected 4..7)");
    }
    int length = 2;
    if (hasSize) {
      readFully(small, length, 8, "frame content size");
      length += 8;
    }
    if (hasDictionary) {
      readFully(small, length, 4, "frame dictionary id");
      length += 4;
    }
    readFully(small, length, 1, "frame header checksum");
    int expected = (XxHash32.hash(small, 0, length) >>> 8) & 0xFF;
    if ((small[length] & 0xFF) != expected) {
      throw new IOException("Bad LZ4 frame header checksum in frame " + frameIndex);
    }
    if (hasDictionary) {
      throw new IOException("Unsupported LZ4 frame: it needs an external dictionary");
    }
    contentSize = hasSize ? longLE(small, 2) : -1;
    blockMax = 1 << (8 + 2 * sizeCode);
    // Buffers grow to what the blocks need (at most the maximum block size): a small chunk in a frame that
    // allows 4 MB blocks must not cost 8 MB of zeroed arrays.
    readPos = writeEnd = 0;
    produced = 0;
    contentHash.reset();
    inFrame = true;
  }

  /** Decodes the next block into {@code decoded}, or ends the frame at its end mark. */
  private void nextBlock() throws IOException {
    // Resumable: a growth the room refuses (NoRoom) leaves the block's size word and payload read.
    if (!haveBlockWord) {
      readFully(small, 0, 4, "block size");
      blockWord = XxHash32.intLE(small, 0);
      haveBlockWord = true;
    }
    int word = blockWord;
    if (word == 0) {
      haveBlockWord = false;
      endFrame();
      return;
    }
    boolean stored = word < 0;
    int size = word & 0x7FFFFFFF;
    if (size > blockMax) {
      throw new IOException("Bad LZ4 block size " + size + " in frame " + frameIndex + ": the frame's maximum is " + blockMax);
    }
    int start = keepWindow();
    if (stored) {
      ensureDecoded(start + size);
      haveBlockWord = false;
      readFully(decoded, start, size, "stored block");
      verifyBlockChecksum(decoded, start, size);
      writeEnd = start + size;
    } else {
      if (!havePayload) {
        if (compressed.length < size + COPY_SLACK) {
          int grown = Math.max(size, Math.min(blockMax, compressed.length * 2)) + COPY_SLACK;
          takeRoom(grown - compressed.length);
          compressed = new byte[grown];
        }
        // A first guess at the decoded size; a block that decodes to more is decoded again into a larger buffer.
        ensureDecoded(start + Math.min(blockMax, Math.max(size * 4, 64 * 1024)));
        readFully(compressed, 0, size, "compressed block");
        verifyBlockChecksum(compressed, 0, size);
        havePayload = true;
      }
      while (true) {
        int limit = Math.min(start + blockMax, decoded.length - COPY_SLACK);
        int end = decodeBlock(compressed, size, decoded, start, limit);
        if (end >= 0) {
          writeEnd = end;
          break;
        }
        if (limit == start + blockMax) {
          throw corrupt("block decodes to more than the frame's block size");
        }
        ensureDecoded(Math.min(start + blockMax, (decoded.length - COPY_SLACK) * 2));
      }
      havePayload = false;
      haveBlockWord = false;
    }
    readPos = start;
    int n = writeEnd - start;
    produced += n;
    if (contentChecksum) {
      contentHash.update(decoded, start, n);
    }
    if (contentSize >= 0 && produced > contentSize) {
      throw new IOException("LZ4 frame " + frameIndex + " holds more than its declared content size " + contentSize);
    }
  }

  /** Grows {@code decoded} (keeping its content, the window of linked blocks) to hold {@code end} bytes. */
  private void ensureDecoded(int end) {
    if (decoded.length < end + COPY_SLACK) {
      takeRoom(end + COPY_SLACK - decoded.length);
      decoded = Arrays.copyOf(decoded, end + COPY_SLACK);
    }
  }

  /** Counts a buffer growth against the room, or gives up on this block for now (see {@link #readWithinRoom}). */
  private void takeRoom(long bytes) {
    if (!room.take(bytes, mayRefuse)) {
      roomWanted = bytes;
      throw NO_ROOM_SIGNAL;
    }
    taken += bytes;
  }

  /**
   * Where the next block goes: after up to 64 KB of history for linked blocks, else at 0. Everything before
   * was read, so the window moves to the front once and the same start is found again on a retry.
   */
  private int keepWindow() {
    if (independent) {
      return 0;
    }
    if (writeEnd > WINDOW) {
      System.arraycopy(decoded, writeEnd - WINDOW, decoded, 0, WINDOW);
      readPos = writeEnd = WINDOW;
    }
    return writeEnd;
  }

  private void verifyBlockChecksum(byte[] data, int offset, int length) throws IOException {
    if (blockChecksum) {
      readFully(small, 0, 4, "block checksum");
      if (XxHash32.intLE(small, 0) != XxHash32.hash(data, offset, length)) {
        throw new IOException("Bad LZ4 block checksum in frame " + frameIndex);
      }
    }
  }

  private void endFrame() throws IOException {
    if (contentChecksum) {
      readFully(small, 0, 4, "content checksum");
      if (XxHash32.intLE(small, 0) != contentHash.digest()) {
        throw new IOException("LZ4 content checksum mismatch in frame " + frameIndex);
      }
    }
    if (contentSize >= 0 && produced != contentSize) {
      throw new IOException("LZ4 frame " + frameIndex + " declared content size " + contentSize + " but held " + produced + " bytes");
    }
    inFrame = false;
    readPos = writeEnd = 0;
  }

  /**
   * Decodes one LZ4 block ({@code src[0, srcLength)}) into {@code dst} from {@code dstStart}; matches may
   * reach back into {@code dst[0, dstStart)}. Returns the end of the decoded bytes, or -1 when they would
   * pass {@code dstLimit} (which must leave {@link #COPY_SLACK} bytes of {@code dst} after it).
   */
  static int decodeBlock(byte[] src, int srcLength, byte[] dst, int dstStart, int dstLimit) throws IOException {
    int s = 0;
    int d = dstStart;
    // Short copies are done 8 bytes at a time and may write up to COPY_SLACK bytes past their end (never past
    // the array): cheaper than System.arraycopy for the few-byte literals and matches numeric data gives.
    int wildDstEnd = dst.length - COPY_SLACK;
    int wildSrcEnd = src.length - COPY_SLACK;
    // Where the fast loop below may run: a sequence it takes reads at most 17 bytes from s (token, 16 wild literal
    // bytes, covering the offset too) and writes at most 14 literals then an 18-byte match, 24 bytes wild, from d.
    int fastSrcEnd = Math.min(srcLength - 17, wildSrcEnd - 1);
    int fastDstEnd = dstLimit - 32;
    while (true) {
      // Short literals and a short match, far from both ends: no length can run past either buffer and no
      // sequence can be the block's last (which is literals only), so only the offset needs checking.
      while (s < fastSrcEnd && d < fastDstEnd) {
        int token = src[s] & 0xFF;
        int literals = token >>> 4;
        int matchLength = token & 0x0F;
        if (literals == 15 || matchLength == 15) {
          break;
        }
        LONG.set(dst, d, (long) LONG.get(src, s + 1));
        if (literals > 8) {
          LONG.set(dst, d + 8, (long) LONG.get(src, s + 9));
        }
        s += 1 + literals;
        d += literals;
        int offset = (src[s] & 0xFF) | (src[s + 1] & 0xFF) << 8;
        s += 2;
        if (offset == 0 || offset > d) {
          throw badOffset(offset);
        }
        matchLength += 4;
        int from = d - offset;
        if (offset >= 8) {
          LONG.set(dst, d, (long) LONG.get(dst, from));
          if (matchLength > 8) {
            LONG.set(dst, d + 8, (long) LONG.get(dst, from + 8));
            if (matchLength > 16) {
              LONG.set(dst, d + 16, (long) LONG.get(dst, from + 16));
            }
          }
          d += matchLength;
        } else {
          int end = d + matchLength;
          while (d < end) {
            dst[d++] = dst[from++];
          }
        }
      }
      if (s >= srcLength) {
        throw corrupt("block ends before its last literals");
      }
      int token = src[s++] & 0xFF;
      int literals = token >>> 4;
      if (literals == 15) {
        int b;
        do {
          if (s >= srcLength) {
            throw corrupt("block ends inside a literal length");
          }
          b = src[s++] & 0xFF;
          literals += b;
        } while (b == 255);
      }
      if (literals > srcLength - s) {
        throw corrupt("literals run past the end of the block");
      }
      if (literals > dstLimit - d) {
        return -1;
      }
      if (literals <= 16 && s <= wildSrcEnd && d <= wildDstEnd) {
        LONG.set(dst, d, (long) LONG.get(src, s));
        LONG.set(dst, d + 8, (long) LONG.get(src, s + 8));
      } else {
        System.arraycopy(src, s, dst, d, literals);
      }
      s += literals;
      d += literals;
      if (s == srcLength) {
        return d;
      }
      if (srcLength - s < 2) {
        throw corrupt("block ends inside a match offset");
      }
      int offset = (src[s] & 0xFF) | (src[s + 1] & 0xFF) << 8;
      s += 2;
      if (offset == 0 || offset > d) {
        throw badOffset(offset);
      }
      int matchLength = token & 0x0F;
      if (matchLength == 15) {
        int b;
        do {
          if (s >= srcLength) {
            throw corrupt("block ends inside a match length");
          }
          b = src[s++] & 0xFF;
          matchLength += b;
        } while (b == 255);
      }
      matchLength += 4;
      if (matchLength > dstLimit - d) {
        return -1;
      }
      int from = d - offset;
      int end = d + matchLength;
      if (offset >= 8 && end <= wildDstEnd) {
        // Each 8-byte read ends at or before the write position, so overlapping matches repeat correctly.
        for (; d < end; d += 8, from += 8) {
          LONG.set(dst, d, (long) LONG.get(dst, from));
        }
        d = end;
      } else if (offset >= matchLength) {
        System.arraycopy(dst, from, dst, d, matchLength);
        d = end;
      } else {
        // A short-period overlapping match repeats the last `offset` bytes; copy forward byte by byte.
        while (d < end) {
          dst[d++] = dst[from++];
        }
      }
    }
  }

  private static IOException badOffset(int offset) {
    return corrupt("match offset " + offset + " points before the start of the window");
  }

  private static IOException corrupt(String what) {
    return new IOException("Corrupt LZ4 block: " + what);
  }

  private int readUpTo(byte[] b, int off, int len) throws IOException {
    int total = 0;
    while (total < len) {
      int n = in.read(b, off + total, len - total);
      if (n < 0) {
        break;
      }
      total += n;
    }
    return total;
  }

  private void readFully(byte[] b, int off, int len, String what) throws IOException {
    int got = readUpTo(b, off, len);
    if (got < len) {
      throw new EOFException("Truncated LZ4 frame " + frameIndex + ": input ended in the " + what + " (" + got + " of " + len + " bytes)");
    }
  }

  private void skipFully(long n) throws IOException {
    long left = n;
    while (left > 0) {
      long skipped = in.skip(left);
      if (skipped <= 0) {
        if (in.read() < 0) {
          throw new EOFException("Truncated LZ4 input: a skippable frame ends " + left + " bytes early");
        }
        skipped = 1;
      }
      left -= skipped;
    }
  }

  private static long longLE(byte[] b, int i) {
    return (XxHash32.intLE(b, i) & 0xFFFFFFFFL) | ((long) XxHash32.intLE(b, i + 4)) << 32;
  }
}

package dev.kiln.emulator.internal;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * Writes one LZ4 frame (magic {@code 0x184D2204}) around a whole chunk, as Databricks does for {@code
 * result_compression: LZ4_FRAME}: independent blocks compressed by a greedy single-probe LZ4 block
 * compressor, blocks that do not shrink stored raw (high bit of the block size set), a content checksum
 * (xxHash32), and optionally block checksums and the content size. Readers must handle all of these.
 */
final class Lz4Frame {
  static final int MAGIC = 0x184D2204;
  /** Block maximum size 4 MiB (BD id 7), the default of the reference implementation. */
  static final int DEFAULT_BLOCK_SIZE_ID = 7;

  private static final int MIN_MATCH = 4;
  /** The last match must start at least 12 bytes before the block's end. */
  private static final int MF_LIMIT = 12;
  /** The last 5 bytes of a block are always literals. */
  private static final int LAST_LITERALS = 5;
  private static final int MAX_OFFSET = 65_535;
  private static final int HASH_LOG = 16;

  private final int blockSizeId;
  private final boolean blockChecksums;
  private final boolean contentSize;
  private final boolean contentChecksum;

  Lz4Frame(int blockSizeId, boolean blockChecksums, boolean contentSize, boolean contentChecksum) {
    if (blockSizeId < 4 || blockSizeId > 7) {
      throw new IllegalArgumentException("block size id must be 4..7, got " + blockSizeId);
    }
    this.blockSizeId = blockSizeId;
    this.blockChecksums = blockChecksums;
    this.contentSize = contentSize;
    this.contentChecksum = contentChecksum;
  }

  /** What the emulator serves: 4 MiB independent blocks with a content checksum. */
  static Lz4Frame standard() {
    return new Lz4Frame(DEFAULT_BLOCK_SIZE_ID, false, false, true);
  }

  static int blockSize(int blockSizeId) {
    return 1 << (8 + 2 * blockSizeId);
  }

  byte[] compress(byte[] data) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(data.length / 2 + 64);
    writeIntLe(out, MAGIC);
    byte[] descriptor = new byte[contentSize ? 10 : 2];
    descriptor[0] = (byte) (0x40 // version 01
        | 0x20 // blocks are independent
        | (blockChecksums ? 0x10 : 0)
        | (contentSize ? 0x08 : 0)
        | (contentChecksum ? 0x04 : 0));
    descriptor[1] = (byte) (blockSizeId << 4);
    if (contentSize) {
      long size = data.length;
      for (int i = 0; i < 8; i++) {
        descriptor[2 + i] = (byte) (size >>> (8 * i));
      }
    }
    out.write(descriptor, 0, descriptor.length);
    out.write((XxHash32.hash(descriptor, 0, descriptor.length, 0) >>> 8) & 0xFF);

    int maxBlock = blockSize(blockSizeId);
    byte[] scratch = new byte[maxBlock + maxBlock / 255 + 16];
    int[] table = new int[1 << HASH_LOG];
    for (int offset = 0; offset < data.length; offset += maxBlock) {
      int length = Math.min(maxBlock, data.length - offset);
      int compressed = compressBlock(data, offset, length, scratch, table);
      if (compressed < length) {
        writeIntLe(out, compressed);
        out.write(scratch, 0, compressed);
        if (blockChecksums) {
          writeIntLe(out, XxHash32.hash(scratch, 0, compressed, 0));
        }
      } else {
        writeIntLe(out, length | 0x80000000); // stored: not worth compressing
        out.write(data, offset, length);
        if (blockChecksums) {
          writeIntLe(out, XxHash32.hash(data, offset, length, 0));
        }
      }
    }
    writeIntLe(out, 0); // end mark
    if (contentChecksum) {
      writeIntLe(out, XxHash32.hash(data, 0, data.length, 0));
    }
    return out.toByteArray();
  }

  /** One LZ4 block of {@code src[from, from+length)} into {@code dst}; returns its size. */
  static int compressBlock(byte[] src, int from, int length, byte[] dst, int[] table) {
    Arrays.fill(table, -1);
    int end = from + length;
    int matchStartLimit = end - MF_LIMIT;
    int matchEndLimit = end - LAST_LITERALS;
    int anchor = from;
    int i = from;
    int d = 0;
    while (i <= matchStartLimit) {
      int sequence = XxHash32.intLe(src, i);
      int h = (sequence * 0x9E3779B1) >>> (32 - HASH_LOG);
      int candidate = table[h];
      table[h] = i;
      if (candidate < 0 || i - candidate > MAX_OFFSET || XxHash32.intLe(src, candidate) != sequence) {
        i++;
        continue;
      }
      int matchLength = MIN_MATCH;
      while (i + matchLength < matchEndLimit && src[candidate + matchLength] == src[i + matchLength]) {
        matchLength++;
      }
      d = sequence(src, anchor, i - anchor, dst, d, i - candidate, matchLength);
      i += matchLength;
      anchor = i;
    }
    return lastLiterals(src, anchor, end - anchor, dst, d);
  }

  private static int sequence(
      byte[] src, int literalsFrom, int literals, byte[] dst, int d, int offset, int matchLength) {
    int extra = matchLength - MIN_MATCH;
    int tokenAt = d++;
    dst[tokenAt] = (byte) ((Math.min(literals, 15) << 4) | Math.min(extra, 15));
    d = lengthBytes(literals, dst, d);
    System.arraycopy(src, literalsFrom, dst, d, literals);
    d += literals;
    dst[d++] = (byte) offset;
    dst[d++] = (byte) (offset >>> 8);
    return lengthBytes(extra, dst, d);
  }

  private static int lastLiterals(byte[] src, int from, int literals, byte[] dst, int d) {
    dst[d++] = (byte) (Math.min(literals, 15) << 4);
    d = lengthBytes(literals, dst, d);
    System.arraycopy(src, from, dst, d, literals);
    return d + literals;
  }

  /** The 255-run continuation of a 4-bit length that reached 15. */
  private static int lengthBytes(int length, byte[] dst, int d) {
    if (length < 15) {
      return d;
    }
    int rest = length - 15;
    while (rest >= 255) {
      dst[d++] = (byte) 255;
      rest -= 255;
    }
    dst[d++] = (byte) rest;
    return d;
  }

  private static void writeIntLe(ByteArrayOutputStream out, int value) {
    out.write(value);
    out.write(value >>> 8);
    out.write(value >>> 16);
    out.write(value >>> 24);
  }
}

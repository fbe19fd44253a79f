package dev.kiln.sql.internal.arrow;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Streaming xxHash32 (the checksum of the LZ4 frame format: header, block and content checksums).
 * Written from the public xxHash specification; not thread-safe.
 */
public final class XxHash32 {
  private static final int P1 = 0x9E3779B1;
  private static final int P2 = 0x85EBCA77;
  private static final int P3 = 0xC2B2AE3D;
  private static final int P4 = 0x27D4EB2F;
  private static final int P5 = 0x165667B1;

  private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

  private final int seed;
  private int v1;
  private int v2;
  private int v3;
  private int v4;
  private long total;
  private final byte[] pending = new byte[16];
  private int pendingLength;

  public XxHash32(int seed) {
    this.seed = seed;
    reset();
  }

  public void reset() {
    v1 = seed + P1 + P2;
    v2 = seed + P2;
    v3 = seed;
    v4 = seed - P1;
    total = 0;
    pendingLength = 0;
  }

  /** The hash of {@code length} bytes at {@code offset}, seed 0, in one call. */
  public static int hash(byte[] data, int offset, int length) {
    XxHash32 h = new XxHash32(0);
    h.update(data, offset, length);
    return h.digest();
  }

  public void update(byte[] data, int offset, int length) {
    total += length;
    int end = offset + length;
    if (pendingLength > 0) {
      int take = Math.min(16 - pendingLength, length);
      System.arraycopy(data, offset, pending, pendingLength, take);
      pendingLength += take;
      offset += take;
      if (pendingLength < 16) {
        return;
      }
      stripe(pending, 0);
      pendingLength = 0;
    }
    if (offset + 16 <= end) {
      // The lanes in locals for the bulk: written back to the fields once, not on every stripe.
      int a = v1;
      int b = v2;
      int c = v3;
      int e = v4;
      do {
        a = round(a, intLE(data, offset));
        b = round(b, intLE(data, offset + 4));
        c = round(c, intLE(data, offset + 8));
        e = round(e, intLE(data, offset + 12));
        offset += 16;
      } while (offset + 16 <= end);
      v1 = a;
      v2 = b;
      v3 = c;
      v4 = e;
    }
    if (offset < end) {
      System.arraycopy(data, offset, pending, 0, end - offset);
      pendingLength = end - offset;
    }
  }

  private void stripe(byte[] b, int i) {
    v1 = round(v1, intLE(b, i));
    v2 = round(v2, intLE(b, i + 4));
    v3 = round(v3, intLE(b, i + 8));
    v4 = round(v4, intLE(b, i + 12));
  }

  private static int round(int acc, int input) {
    return Integer.rotateLeft(acc + input * P2, 13) * P1;
  }

  /** The hash of everything given so far (the state is left as it is). */
  public int digest() {
    int h;
    if (total >= 16) {
      h = Integer.rotateLeft(v1, 1) + Integer.rotateLeft(v2, 7) + Integer.rotateLeft(v3, 12)
          + Integer.rotateLeft(v4, 18);
    } else {
      h = seed + P5;
    }
    h += (int) total;
    int i = 0;
    for (; i + 4 <= pendingLength; i += 4) {
      h += intLE(pending, i) * P3;
      h = Integer.rotateLeft(h, 17) * P4;
    }
    for (; i < pendingLength; i++) {
      h += (pending[i] & 0xFF) * P5;
      h = Integer.rotateLeft(h, 11) * P1;
    }
    h ^= h >>> 15;
    h *= P2;
    h ^= h >>> 13;
    h *= P3;
    h ^= h >>> 16;
    return h;
  }

  static int intLE(byte[] b, int i) {
    return (int) INT.get(b, i);
  }
}

package dev.kiln.emulator.internal;

/** xxHash32 (seed 0 in LZ4 frames): the header and content checksums of the LZ4 frame format. */
final class XxHash32 {
  private static final int P1 = 0x9E3779B1;
  private static final int P2 = 0x85EBCA77;
  private static final int P3 = 0xC2B2AE3D;
  private static final int P4 = 0x27D4EB2F;
  private static final int P5 = 0x165667B1;

  private XxHash32() {}

  static int hash(byte[] data, int offset, int length, int seed) {
    int end = offset + length;
    int p = offset;
    int h;
    if (length >= 16) {
      int v1 = seed + P1 + P2;
      int v2 = seed + P2;
      int v3 = seed;
      int v4 = seed - P1;
      int limit = end - 16;
      while (p <= limit) {
        v1 = round(v1, intLe(data, p));
        v2 = round(v2, intLe(data, p + 4));
        v3 = round(v3, intLe(data, p + 8));
        v4 = round(v4, intLe(data, p + 12));
        p += 16;
      }
      h = Integer.rotateLeft(v1, 1) + Integer.rotateLeft(v2, 7) + Integer.rotateLeft(v3, 12)
          + Integer.rotateLeft(v4, 18);
    } else {
      h = seed + P5;
    }
    h += length;
    while (p + 4 <= end) {
      h += intLe(data, p) * P3;
      h = Integer.rotateLeft(h, 17) * P4;
      p += 4;
    }
    while (p < end) {
      h += (data[p] & 0xFF) * P5;
      h = Integer.rotateLeft(h, 11) * P1;
      p++;
    }
    h ^= h >>> 15;
    h *= P2;
    h ^= h >>> 13;
    h *= P3;
    h ^= h >>> 16;
    return h;
  }

  private static int round(int acc, int input) {
    acc += input * P2;
    acc = Integer.rotateLeft(acc, 13);
    return acc * P1;
  }

  static int intLe(byte[] b, int i) {
    return (b[i] & 0xFF) | (b[i + 1] & 0xFF) << 8 | (b[i + 2] & 0xFF) << 16 | (b[i + 3] & 0xFF) << 24;
  }
}

package dev.kiln.emulator.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import net.jpountz.lz4.LZ4Factory;
import net.jpountz.lz4.LZ4FrameInputStream;
import net.jpountz.xxhash.XXHashFactory;
import org.junit.jupiter.api.Test;

/** The emulator's LZ4 frames and xxHash32 against the reference implementation (lz4-java, pure Java paths). */
class Lz4FrameTest {
  private static final Random RANDOM = new Random(42);

  private static byte[] random(int size) {
    byte[] data = new byte[size];
    RANDOM.nextBytes(data);
    return data;
  }

  private static byte[] repetitive(int size) {
    StringBuilder text = new StringBuilder();
    int i = 0;
    while (text.length() < size) {
      text.append("[\"").append(i % 97).append("\",\"value ").append(i % 13).append("\",null],");
      i++;
    }
    return text.substring(0, size).getBytes(StandardCharsets.US_ASCII);
  }

  private static List<byte[]> samples() {
    byte[] zeros = new byte[300_000];
    byte[] mixed = new byte[200_000];
    System.arraycopy(random(100_000), 0, mixed, 0, 100_000);
    System.arraycopy(repetitive(100_000), 0, mixed, 100_000, 100_000);
    return List.of(
        new byte[0], new byte[] {7}, random(12), repetitive(13), repetitive(100), random(70_000),
        repetitive(1_000_000), zeros, mixed);
  }

  private static byte[] decode(byte[] frame) throws IOException {
    try (InputStream in = new LZ4FrameInputStream(new ByteArrayInputStream(frame))) {
      return in.readAllBytes();
    }
  }

  @Test
  void xxHash32MatchesTheReference() {
    for (byte[] data : samples()) {
      for (int seed : new int[] {0, 1, 0x9747b28c}) {
        assertEquals(
            XXHashFactory.safeInstance().hash32().hash(data, 0, data.length, seed),
            XxHash32.hash(data, 0, data.length, seed),
            "length " + data.length + " seed " + seed);
      }
    }
  }

  @Test
  void everyFrameVariantDecodesWithTheReferenceDecoder() throws IOException {
    for (int blockSizeId = 4; blockSizeId <= 7; blockSizeId++) {
      for (boolean blockChecksums : new boolean[] {false, true}) {
        for (boolean contentSize : new boolean[] {false, true}) {
          for (boolean contentChecksum : new boolean[] {false, true}) {
            Lz4Frame lz4 = new Lz4Frame(blockSizeId, blockChecksums, contentSize, contentChecksum);
            for (byte[] data : samples()) {
              assertArrayEquals(
                  data, decode(lz4.compress(data)),
                  "bd " + blockSizeId + " block checksums " + blockChecksums + " size " + contentSize
                      + " checksum " + contentChecksum + " length " + data.length);
            }
          }
        }
      }
    }
  }

  @Test
  void blocksReallyCompressAndIncompressibleOnesAreStored() {
    byte[] text = repetitive(1_000_000);
    byte[] frame = Lz4Frame.standard().compress(text);
    assertTrue(frame.length < text.length / 4, "compressed to " + frame.length);

    byte[] noise = random(100_000);
    byte[] stored = Lz4Frame.standard().compress(noise);
    int blockSize = XxHash32.intLe(stored, 7); // after magic (4), FLG, BD, HC
    assertEquals(noise.length | 0x80000000, blockSize, "an incompressible block is stored raw");
  }

  @Test
  void blocksDecodeWithTheReferenceBlockDecompressor() {
    byte[] data = repetitive(65_536);
    byte[] dst = new byte[data.length + data.length / 255 + 16];
    int size = Lz4Frame.compressBlock(data, 0, data.length, dst, new int[1 << 16]);
    byte[] restored = new byte[data.length];
    LZ4Factory.safeInstance().safeDecompressor().decompress(dst, 0, size, restored, 0, data.length);
    assertArrayEquals(data, restored);
  }
}

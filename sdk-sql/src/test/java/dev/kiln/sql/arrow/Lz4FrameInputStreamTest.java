package dev.kiln.sql.arrow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.sql.internal.arrow.Lz4FrameInputStream;
import dev.kiln.sql.internal.arrow.XxHash32;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import net.jpountz.lz4.LZ4FrameOutputStream;
import net.jpountz.lz4.LZ4FrameOutputStream.BLOCKSIZE;
import net.jpountz.lz4.LZ4FrameOutputStream.FLG;
import net.jpountz.xxhash.XXHashFactory;
import org.apache.commons.compress.compressors.lz4.FramedLZ4CompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** LZ4 frames from reference encoders (lz4-java, and commons-compress for linked blocks) decode exactly. */
class Lz4FrameInputStreamTest {

  /** Compressible but not trivial: repeated words with random numbers, plus incompressible stretches. */
  static byte[] sample(int size, long seed) {
    Random random = new Random(seed);
    ByteArrayOutputStream out = new ByteArrayOutputStream(size);
    String[] words = {"alpha", "beta", "gamma", "delta", "\u00e9t\u00e9", "\u6f22\u5b57", "null", "12345"};
    while (out.size() < size) {
      if (random.nextInt(10) == 0) {
        byte[] noise = new byte[random.nextInt(300)];
        random.nextBytes(noise);
        out.write(noise, 0, noise.length);
      } else {
        byte[] w = (words[random.nextInt(words.length)] + random.nextInt(1000) + ",").getBytes(StandardCharsets.UTF_8);
        out.write(w, 0, w.length);
      }
    }
    byte[] all = out.toByteArray();
    byte[] exact = new byte[size];
    System.arraycopy(all, 0, exact, 0, size);
    return exact;
  }

  static byte[] lz4Java(byte[] data, BLOCKSIZE blockSize, FLG.Bits... bits) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    boolean withSize = List.of(bits).contains(FLG.Bits.CONTENT_SIZE);
    try (OutputStream lz4 = new LZ4FrameOutputStream(out, blockSize, withSize ? data.length : -1L, bits)) {
      lz4.write(data);
    }
    return out.toByteArray();
  }

  static byte[] commonsLinked(byte[] data, FramedLZ4CompressorOutputStream.BlockSize size, boolean contentChecksum, boolean blockChecksum)
      throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    FramedLZ4CompressorOutputStream.Parameters params =
        new FramedLZ4CompressorOutputStream.Parameters(size, contentChecksum, blockChecksum, true);
    try (OutputStream lz4 = new FramedLZ4CompressorOutputStream(out, params)) {
      lz4.write(data);
    }
    return out.toByteArray();
  }

  static byte[] decode(byte[] frame) throws IOException {
    try (InputStream in = new Lz4FrameInputStream(new ByteArrayInputStream(frame))) {
      return in.readAllBytes();
    }
  }

  /** Decodes reading odd-sized pieces, to cross block boundaries at every phase. */
  static byte[] decodeInPieces(byte[] frame) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (InputStream in = new Lz4FrameInputStream(new TrickleInputStream(frame))) {
      byte[] buf = new byte[7919];
      int n;
      while ((n = in.read(buf, 0, buf.length)) >= 0) {
        out.write(buf, 0, n);
        int single = in.read();
        if (single < 0) {
          break;
        }
        out.write(single);
      }
    }
    return out.toByteArray();
  }

  static Stream<Arguments> lz4JavaFrames() {
    List<Arguments> cases = new ArrayList<>();
    for (BLOCKSIZE size : new BLOCKSIZE[] {BLOCKSIZE.SIZE_64KB, BLOCKSIZE.SIZE_256KB, BLOCKSIZE.SIZE_1MB, BLOCKSIZE.SIZE_4MB}) {
      cases.add(Arguments.of(size, new FLG.Bits[] {FLG.Bits.BLOCK_INDEPENDENCE}));
      cases.add(Arguments.of(size, new FLG.Bits[] {FLG.Bits.BLOCK_INDEPENDENCE, FLG.Bits.CONTENT_CHECKSUM}));
      cases.add(Arguments.of(size, new FLG.Bits[] {FLG.Bits.BLOCK_INDEPENDENCE, FLG.Bits.BLOCK_CHECKSUM}));
      cases.add(Arguments.of(size, new FLG.Bits[] {
        FLG.Bits.BLOCK_INDEPENDENCE, FLG.Bits.BLOCK_CHECKSUM, FLG.Bits.CONTENT_CHECKSUM, FLG.Bits.CONTENT_SIZE}));
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("lz4JavaFrames")
  void independentBlocksFromLz4Java(BLOCKSIZE size, FLG.Bits[] bits) throws IOException {
    byte[] data = sample(9 * 1024 * 1024 + 123, 42);
    byte[] frame = lz4Java(data, size, bits);
    assertArrayEquals(data, decode(frame));
  }

  /** Blocks that decode to far more than their size (runs of one byte) outgrow the decoder's first buffer. */
  @Test
  void highlyCompressibleBlocksGrowTheBuffer() throws IOException {
    byte[] data = new byte[3 * 1024 * 1024 + 17];
    for (int i = 0; i < data.length; i++) {
      data[i] = (byte) (i / 100_000);
    }
    byte[] frame = lz4Java(data, BLOCKSIZE.SIZE_4MB, FLG.Bits.BLOCK_INDEPENDENCE, FLG.Bits.CONTENT_CHECKSUM);
    assertTrue(frame.length < data.length / 100, "compressed to " + frame.length);
    assertArrayEquals(data, decode(frame));
    assertArrayEquals(data, decodeInPieces(commonsLinked(data, FramedLZ4CompressorOutputStream.BlockSize.K64, true, true)));
  }

  /**
   * Repeats of every period 1..24 (overlapping matches at every offset, below and above the 8-byte copy
   * width) between random literal runs of every length 0..40, and little-endian numbers as Arrow vectors hold
   * them; blocks end at every phase relative to the decoder's 8-byte copies.
   */
  @Test
  void everyMatchOffsetAndLiteralLength() throws IOException {
    Random random = new Random(5);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int round = 0; round < 40; round++) {
      for (int period = 1; period <= 24; period++) {
        byte[] literals = new byte[(round + period) % 41];
        random.nextBytes(literals);
        out.write(literals, 0, literals.length);
        byte[] unit = new byte[period];
        random.nextBytes(unit);
        for (int i = 0, n = 4 + random.nextInt(60); i < n; i++) {
          out.write(unit[i % period]);
        }
      }
      for (long v = round * 1000L; v < round * 1000L + 500; v++) {
        for (int b = 0; b < 8; b++) {
          out.write((int) (v * 3 >>> (8 * b)));
        }
      }
    }
    byte[] data = out.toByteArray();
    for (int cut = data.length - 40; cut <= data.length; cut++) {
      byte[] prefix = java.util.Arrays.copyOf(data, cut);
      assertArrayEquals(prefix, decode(lz4Java(prefix, BLOCKSIZE.SIZE_64KB, FLG.Bits.BLOCK_INDEPENDENCE)), "length " + cut);
    }
    assertArrayEquals(data, decodeInPieces(commonsLinked(data, FramedLZ4CompressorOutputStream.BlockSize.K64, true, false)));
  }

  @ParameterizedTest(name = "{0} content={1} block={2}")
  @MethodSource("linkedCases")
  void linkedBlocksFromCommonsCompress(FramedLZ4CompressorOutputStream.BlockSize size, boolean content, boolean block)
      throws IOException {
    byte[] data = sample(300_000, 7); // commons-compress is slow at linked blocks
    byte[] frame = commonsLinked(data, size, content, block);
    assertArrayEquals(data, decode(frame));
    assertArrayEquals(data, decodeInPieces(frame));
  }

  // commons-compress 1.27.1 writes bad linked frames with 256 KB+ blocks (the lz4 CLI rejects them
  // too), so larger linked blocks come from lz4 CLI fixtures below.
  static Stream<Arguments> linkedCases() {
    return Stream.of(
        Arguments.of(FramedLZ4CompressorOutputStream.BlockSize.K64, true, true),
        Arguments.of(FramedLZ4CompressorOutputStream.BlockSize.K64, false, false));
  }

  /** What the fixtures hold: a 5,000-byte paragraph repeated, a digit every 3,001 bytes (matches cross blocks). */
  static byte[] fixtureData(int n) {
    byte[] paragraph = new byte[5000];
    for (int j = 0; j < paragraph.length; j++) {
      paragraph[j] = (byte) (j % 7 == 0 ? ' ' : 'a' + (int) (((long) j * j * 31 + j * 7L) % 26));
    }
    byte[] data = new byte[n];
    for (int i = 0; i < n; i++) {
      data[i] = i % 3001 == 0 ? (byte) ('0' + (i / 3001) % 10) : paragraph[i % 5000];
    }
    return data;
  }

  /**
   * Linked-block frames written by the reference lz4 CLI v1.9.4: {@code lz4 -B4 -BD -BX --content-size},
   * {@code lz4 -B5 -BD --no-frame-crc} and {@code lz4 -B7 -BD} (4 MB blocks) over {@link #fixtureData}.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource({"linked-64k-blockcrc-size.lz4, 700000", "linked-256k-nocrc.lz4, 1000000", "linked-4m.lz4, 4500000"})
  void linkedBlocksFromLz4Cli(String resource, int size) throws IOException {
    byte[] frame;
    try (InputStream in = Lz4FrameInputStreamTest.class.getResourceAsStream(resource)) {
      frame = in.readAllBytes();
    }
    byte[] expected = fixtureData(size);
    assertArrayEquals(expected, decode(frame));
    assertArrayEquals(expected, decodeInPieces(frame));
  }

  @Test
  void readsInPiecesAcrossBlocks() throws IOException {
    byte[] data = sample(700_000, 3);
    assertArrayEquals(data, decodeInPieces(lz4Java(data, BLOCKSIZE.SIZE_64KB, FLG.Bits.BLOCK_INDEPENDENCE,
        FLG.Bits.CONTENT_CHECKSUM, FLG.Bits.BLOCK_CHECKSUM)));
  }

  @Test
  void incompressibleDataUsesStoredBlocks() throws IOException {
    byte[] data = new byte[300_000];
    new Random(1).nextBytes(data);
    byte[] frame = lz4Java(data, BLOCKSIZE.SIZE_64KB, FLG.Bits.BLOCK_INDEPENDENCE, FLG.Bits.CONTENT_CHECKSUM);
    // The first block's size word has its high bit set: stored uncompressed.
    assertTrue((frame[7 + 3] & 0x80) != 0, "expected a stored block");
    assertArrayEquals(data, decode(frame));
  }

  @Test
  void emptyContentAndEmptyInput() throws IOException {
    assertArrayEquals(new byte[0], decode(lz4Java(new byte[0], BLOCKSIZE.SIZE_64KB, FLG.Bits.BLOCK_INDEPENDENCE,
        FLG.Bits.CONTENT_CHECKSUM, FLG.Bits.CONTENT_SIZE)));
    assertArrayEquals(new byte[0], decode(new byte[0]));
  }

  @Test
  void concatenatedFramesAndSkippableFrames() throws IOException {
    byte[] a = sample(100_000, 11);
    byte[] b = sample(70_000, 12);
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    all.write(new byte[] {0x5A, 0x2A, 0x4D, 0x18, 3, 0, 0, 0, 9, 9, 9}); // skippable frame, 3 bytes
    all.write(lz4Java(a, BLOCKSIZE.SIZE_64KB, FLG.Bits.BLOCK_INDEPENDENCE, FLG.Bits.CONTENT_CHECKSUM));
    all.write(new byte[] {0x50, 0x2A, 0x4D, 0x18, 0, 0, 0, 0}); // empty skippable frame
    all.write(lz4Java(b, BLOCKSIZE.SIZE_256KB, FLG.Bits.BLOCK_INDEPENDENCE, FLG.Bits.BLOCK_CHECKSUM));
    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    expected.write(a);
    expected.write(b);
    assertArrayEquals(expected.toByteArray(), decode(all.toByteArray()));
  }

  @Test
  void xxHash32MatchesReference() {
    XXHashFactory factory = XXHashFactory.fastestJavaInstance();
    Random random = new Random(5);
    for (int length : new int[] {0, 1, 3, 4, 15, 16, 17, 31, 32, 33, 100, 1000, 65_537}) {
      byte[] data = new byte[length];
      random.nextBytes(data);
      int expected = factory.hash32().hash(data, 0, length, 0);
      assertEquals(expected, XxHash32.hash(data, 0, length), "length " + length);
      XxHash32 streaming = new XxHash32(0);
      for (int i = 0; i < length; i += 7) {
        streaming.update(data, i, Math.min(7, length - i));
      }
      assertEquals(expected, streaming.digest(), "streaming length " + length);
    }
  }

  // ---- corrupt input: a clear error for each part ----

  private static byte[] checkedFrame() throws IOException {
    return lz4Java(sample(200_000, 21), BLOCKSIZE.SIZE_64KB, FLG.Bits.BLOCK_INDEPENDENCE, FLG.Bits.BLOCK_CHECKSUM,
        FLG.Bits.CONTENT_CHECKSUM, FLG.Bits.CONTENT_SIZE);
  }

  private static String failure(byte[] frame) {
    return assertThrows(IOException.class, () -> decode(frame)).getMessage();
  }

  @Test
  void badMagic() throws IOException {
    byte[] frame = checkedFrame();
    frame[0] ^= 1;
    assertTrue(failure(frame).contains("Bad LZ4 frame magic"), failure(frame));
  }

  @Test
  void badHeaderChecksum() throws IOException {
    byte[] frame = checkedFrame();
    frame[4 + 2 + 8] ^= 0x40; // header checksum byte after FLG, BD and content size
    assertTrue(failure(frame).contains("header checksum"), failure(frame));
    byte[] sizeFlipped = checkedFrame();
    sizeFlipped[6] ^= 1; // content size byte: checksum no longer matches
    assertTrue(failure(sizeFlipped).contains("header checksum"), failure(sizeFlipped));
  }

  @Test
  void badBlockChecksum() throws IOException {
    byte[] frame = checkedFrame();
    frame[4 + 2 + 8 + 1 + 4 + 100] ^= 0x10; // inside the first block's data
    assertTrue(failure(frame).contains("block checksum"), failure(frame));
  }

  @Test
  void contentChecksumMismatch() throws IOException {
    byte[] frame = checkedFrame();
    frame[frame.length - 1] ^= 0x01;
    assertTrue(failure(frame).contains("content checksum mismatch"), failure(frame));
  }

  @Test
  void corruptBlockWithoutChecksumsIsStillCaught() throws IOException {
    byte[] frame = lz4Java(sample(200_000, 22), BLOCKSIZE.SIZE_64KB, FLG.Bits.BLOCK_INDEPENDENCE);
    // Make the first block's size claim more than the maximum block size.
    frame[7 + 2] = 0x7F;
    assertTrue(failure(frame).contains("block size"), failure(frame));
    byte[] content = lz4Java(sample(200_000, 22), BLOCKSIZE.SIZE_64KB, FLG.Bits.BLOCK_INDEPENDENCE, FLG.Bits.CONTENT_CHECKSUM);
    content[7 + 4 + 50] ^= 0x01; // a literal byte changes: only the content checksum can tell
    String message = failure(content);
    assertTrue(message.contains("content checksum") || message.contains("Corrupt LZ4 block"), message);
  }

  /**
   * A hand-made block of short sequences (the decoder's fast loop takes them) whose fourth match reaches back
   * {@code badOffset} bytes, then 40 literals to end it; a frame without checksums, so only the offset check sees it.
   */
  private static byte[] handMadeFrame(int badOffset) {
    ByteArrayOutputStream block = new ByteArrayOutputStream();
    for (int i = 0; i < 6; i++) {
      block.write(0x84); // 8 literals, then an 8-byte match
      for (int b = 0; b < 8; b++) {
        block.write('a' + i + b);
      }
      int offset = i == 3 ? badOffset : 8;
      block.write(offset & 0xFF);
      block.write(offset >>> 8);
    }
    block.write(0xF0); // the last sequence: 15 + 25 literals
    block.write(25);
    for (int b = 0; b < 40; b++) {
      block.write('z');
    }
    byte[] body = block.toByteArray();
    ByteArrayOutputStream frame = new ByteArrayOutputStream();
    frame.writeBytes(new byte[] {0x04, 0x22, 0x4D, 0x18, 0x60, 0x40});
    frame.write((XxHash32.hash(new byte[] {0x60, 0x40}, 0, 2) >>> 8) & 0xFF);
    frame.writeBytes(new byte[] {(byte) body.length, (byte) (body.length >>> 8), 0, 0});
    frame.writeBytes(body);
    frame.writeBytes(new byte[4]); // end mark
    return frame.toByteArray();
  }

  @Test
  void aBadOffsetAmongShortSequencesIsCaught() throws IOException {
    StringBuilder expected = new StringBuilder();
    for (int i = 0; i < 6; i++) {
      String literals = "";
      for (int b = 0; b < 8; b++) {
        literals += (char) ('a' + i + b);
      }
      expected.append(literals).append(literals);
    }
    expected.append("z".repeat(40));
    assertEquals(expected.toString(), new String(decode(handMadeFrame(8)), StandardCharsets.US_ASCII));

    String message = failure(handMadeFrame(65_000));
    assertTrue(message.contains("match offset 65000 points before the start of the window"), message);
    assertTrue(failure(handMadeFrame(0)).contains("match offset 0"), failure(handMadeFrame(0)));
  }

  @Test
  void truncatedAnywhere() throws IOException {
    byte[] frame = checkedFrame();
    for (int cut : new int[] {2, 5, 10, 15, 17, 200, frame.length / 2, frame.length - 5, frame.length - 1}) {
      byte[] truncated = new byte[cut];
      System.arraycopy(frame, 0, truncated, 0, cut);
      String message = failure(truncated);
      assertTrue(message.startsWith("Truncated LZ4"), cut + ": " + message);
    }
  }

  @Test
  void reservedBitsAndVersion() throws IOException {
    byte[] frame = checkedFrame();
    frame[4] = (byte) ((frame[4] & 0x3F) | 0x80); // version 2
    assertTrue(failure(frame).contains("version"), failure(frame));
  }

  /** A room that refuses each growth the first time it is asked, and tallies what it holds. */
  static final class StingyRoom implements Lz4FrameInputStream.BufferRoom {
    long held;
    long peak;
    int refusals;
    private boolean refusedLast;

    @Override
    public boolean take(long bytes, boolean mayRefuse) {
      if (mayRefuse && !refusedLast) {
        refusedLast = true;
        refusals++;
        return false;
      }
      refusedLast = false;
      held += bytes;
      peak = Math.max(peak, held);
      return true;
    }

    @Override
    public void give(long bytes) {
      held -= bytes;
    }
  }

  /** Reads through {@code readWithinRoom}, coming back after every refusal, as a download does once it has room. */
  static byte[] decodeWithinRoom(byte[] frame, StingyRoom room) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (Lz4FrameInputStream in = new Lz4FrameInputStream(new TrickleInputStream(frame), room)) {
      byte[] buf = new byte[5003];
      int n;
      while ((n = in.readWithinRoom(buf, 0, buf.length)) != -1) {
        if (n == Lz4FrameInputStream.NO_ROOM) {
          assertTrue(in.roomWanted() > 0);
          continue;
        }
        out.write(buf, 0, n);
      }
      assertEquals(room.held, in.bufferBytes(), "what the room holds is the decoder's buffers");
    }
    return out.toByteArray();
  }

  @Test
  void refusedGrowthsAreRetriedWithoutLosingTheBlockAndBuffersAreCounted() throws IOException {
    byte[] data = sample(700_000, 5);
    byte[] independent = lz4Java(data, BLOCKSIZE.SIZE_256KB, FLG.Bits.BLOCK_INDEPENDENCE, FLG.Bits.BLOCK_CHECKSUM,
        FLG.Bits.CONTENT_CHECKSUM);
    StingyRoom room = new StingyRoom();
    assertArrayEquals(data, decodeWithinRoom(independent, room));
    assertTrue(room.refusals >= 2, "the compressed and the decoded buffer were each refused once");
    assertTrue(room.peak >= 256 * 1024, "a 256 KB block's buffers were counted: " + room.peak);
    assertEquals(0, room.held, "given back on close");

    // Linked blocks keep a 64 KB window before each block: a retried block must find it where it was.
    byte[] linked = fixtureData(700_000);
    byte[] frame;
    try (InputStream in = Lz4FrameInputStreamTest.class.getResourceAsStream("linked-64k-blockcrc-size.lz4")) {
      frame = in.readAllBytes();
    }
    StingyRoom linkedRoom = new StingyRoom();
    assertArrayEquals(linked, decodeWithinRoom(frame, linkedRoom));
    assertTrue(linkedRoom.refusals >= 2);
    assertEquals(0, linkedRoom.held);
  }

  @Test
  void aHighlyCompressibleBlockRefusedMidDecodeIsDecodedAgain() throws IOException {
    byte[] data = new byte[3 * 1024 * 1024];
    java.util.Arrays.fill(data, (byte) 'z'); // decodes to far more than the first guess: the buffer grows mid-block
    data[12345] = 'y';
    StingyRoom room = new StingyRoom();
    assertArrayEquals(data, decodeWithinRoom(lz4Java(data, BLOCKSIZE.SIZE_4MB, FLG.Bits.BLOCK_INDEPENDENCE,
        FLG.Bits.CONTENT_CHECKSUM), room));
    assertTrue(room.refusals >= 3, "refusals: " + room.refusals);
    assertEquals(0, room.held);
  }

  /** Hands out at most 1,000 bytes per read, like a slow socket. */
  static final class TrickleInputStream extends ByteArrayInputStream {
    TrickleInputStream(byte[] data) {
      super(data);
    }

    @Override
    public synchronized int read(byte[] b, int off, int len) {
      return super.read(b, off, Math.min(len, 1000));
    }
  }
}

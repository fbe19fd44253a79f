package dev.kiln.serving.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.kiln.core.error.DatabricksClientException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SseParserTest {
  /** Events from feeding {@code text} whole, byte by byte, and through a ByteBuffer: all must agree. */
  private static List<String> parse(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    List<SseEvent> whole = new ArrayList<>();
    SseParser p1 = new SseParser(whole::add);
    p1.feed(bytes, 0, bytes.length);
    p1.finish();

    List<SseEvent> byByte = new ArrayList<>();
    SseParser p2 = new SseParser(byByte::add);
    for (byte b : bytes) {
      p2.feed(new byte[] {b}, 0, 1);
    }
    p2.finish();

    List<SseEvent> buffered = new ArrayList<>();
    SseParser p3 = new SseParser(buffered::add);
    p3.feed(ByteBuffer.wrap(bytes));
    p3.finish();

    List<String> a = describe(whole);
    assertEquals(a, describe(byByte), "byte-by-byte feeding must give the same events");
    assertEquals(a, describe(buffered));
    return a;
  }

  private static List<String> describe(List<SseEvent> events) {
    return events.stream().map(e -> e.type() + "|" + e.lastEventId() + "|" + e.data()).collect(Collectors.toList());
  }

  @Test
  void dataLinesWithAndWithoutTheOptionalSpace() {
    assertEquals(List.of("message||a", "message|| b", "message||c"), parse("data: a\n\ndata:  b\n\ndata:c\n\n"));
  }

  @Test
  void multiLineDataIsJoinedWithNewlines() {
    assertEquals(List.of("message||first\nsecond\n"), parse("data: first\ndata:second\ndata\n\n"));
  }

  @Test
  void crlfCrAndLfLineEndingsAreAllLineEnds() {
    assertEquals(List.of("message||1", "message||2", "message||3", "message||4\n5"),
        parse("data: 1\r\n\r\ndata: 2\r\rdata: 3\n\ndata: 4\r\ndata: 5\r\n\r\n"));
  }

  @Test
  void commentsAndKeepAlivesAreIgnored() {
    assertEquals(List.of("message||x"), parse(": keep-alive\n\n:\n\ndata: x\n: in the middle\n\n"));
  }

  @Test
  void eventIdAndRetryFields() {
    List<SseEvent> events = new ArrayList<>();
    SseParser p = new SseParser(events::add);
    byte[] b = "retry: 1500\nid: 7\nevent: error\ndata: boom\n\ndata: next\n\nretry: soon\nid: a\0b\n\n"
        .getBytes(StandardCharsets.UTF_8);
    p.feed(b, 0, b.length);
    assertEquals(List.of("error|7|boom", "message|7|next"), describe(events), "the id persists, the type does not");
    assertEquals(1500, p.reconnectionTimeMillis(), "a non-numeric retry is ignored");
  }

  @Test
  void fieldWithoutColonIsAFieldWithEmptyValueAndUnknownFieldsAreIgnored() {
    assertEquals(List.of("message||", "message||y"), parse("data\n\nfoo: bar\ndata: y\n\n"));
  }

  @Test
  void blankLineWithoutDataDispatchesNothingAndResetsTheEventType() {
    assertEquals(List.of("message||z"), parse("event: ping\n\n\n\ndata: z\n\n"));
  }

  @Test
  void anEventNotTerminatedByABlankLineIsDiscardedAtEndOfStream() {
    assertEquals(List.of("message||done"), parse("data: done\n\ndata: partial\n"));
    assertEquals(List.of(), parse("data: no newline at all"));
  }

  @Test
  void leadingByteOrderMarkIsStripped() {
    assertEquals(List.of("message||bom"), parse("\uFEFFdata: bom\n\n"));
  }

  @Test
  void multiByteCharactersSplitAcrossReadsSurvive() {
    assertEquals(List.of("message||héllo ✓ 𝄞"), parse("data: héllo ✓ 𝄞\n\n"));
  }

  @Test
  void readerPullsEventsAcrossTinyReads() throws IOException {
    byte[] bytes = "data: 1\n\n: ka\n\ndata: 2\r\n\r\n".getBytes(StandardCharsets.UTF_8);
    InputStream oneByteAtATime = new ByteArrayInputStream(bytes) {
      @Override
      public synchronized int read(byte[] b, int off, int len) {
        return super.read(b, off, Math.min(1, len));
      }
    };
    try (SseEventReader reader = new SseEventReader(oneByteAtATime)) {
      assertEquals("1", reader.next().data());
      assertEquals("2", reader.next().data());
      assertEquals(null, reader.next());
      assertEquals(null, reader.next());
    }
  }

  @Test
  void overlongLineIsRejected() {
    SseParser p = new SseParser(e -> {});
    byte[] chunk = new byte[1024 * 1024];
    java.util.Arrays.fill(chunk, (byte) 'a');
    assertThrows(DatabricksClientException.class, () -> {
      for (int i = 0; i <= SseParser.MAX_LINE_BYTES / chunk.length; i++) {
        p.feed(chunk, 0, chunk.length);
      }
    });
  }
}

package dev.kiln.emulator.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Routing splits the raw path before decoding: {@code %2F} stays inside one segment. */
class RawPathRoutingTest {
  @Test
  void anEncodedSlashStaysInsideItsParameter() {
    Router.PathTemplate template = Router.PathTemplate.parse("/api/2.0/sql/statements/{statement_id}");
    assertEquals(Map.of("statement_id", "a/b"), template.match("/api/2.0/sql/statements/a%2Fb"));
    assertNull(template.match("/api/2.0/sql/statements/a/b"));
    assertEquals(Map.of("statement_id", "a+b c"), template.match("/api/2.0/sql/statements/a+b%20c"));
  }

  @Test
  void literalSegmentsMatchDecodedAndRestParametersJoinDecodedSegments() {
    assertEquals(Map.of(), Router.PathTemplate.parse("/api/2.0/sql/warehouses").match("/api/2.0/sql/%77arehouses"));
    Router.PathTemplate files = Router.PathTemplate.parse("/api/2.0/fs/files/{path*}");
    assertEquals(Map.of("path", "Volumes/main/x%y/a/b c"),
        files.match("/api/2.0/fs/files/Volumes/main/x%25y/a%2Fb%20c"));
  }

  @Test
  void percentDecodingKeepsPlusAndMalformedEscapesAndReadsUtf8() {
    assertEquals("a+b", Request.percentDecode("a+b"));
    assertEquals("100%", Request.percentDecode("100%"));
    assertEquals("%zz", Request.percentDecode("%zz"));
    assertEquals("é/ü", Request.percentDecode("%C3%A9%2F%C3%BC"));
    assertEquals("日本", Request.percentDecode("日%E6%9C%AC"));
  }
}

package dev.kiln.execution;

import static dev.kiln.execution.FakeWorkspace.status;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.execution.model.ColumnType;
import dev.kiln.execution.model.CommandImage;
import dev.kiln.execution.model.CommandResult;
import dev.kiln.execution.model.ResultTable;
import dev.kiln.execution.model.ResultType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Each result type as the server sends it, and the typed values read from it. */
class CommandResultTest extends ExecutionTestBase {

  private CommandResult run(String resultsJson) {
    ExecutionContext ctx = startWithContext("ctx-1");
    ws.command("cmd-1", status("cmd-1", "Finished", resultsJson));
    return ctx.execute("code");
  }

  @Test
  void text() {
    CommandResult r = run("{\"resultType\":\"text\",\"data\":\"3.5.0\\n\"}");
    assertEquals(ResultType.TEXT, r.type());
    assertEquals("text", r.rawType());
    assertEquals("3.5.0\n", r.text());
  }

  @Test
  void noResultsMeansEmptyText() {
    assertEquals("", run(null).text());
  }

  @Test
  void tableWithJsonEncodedSchemaTypes() {
    String arrayType = "{\\\"type\\\":\\\"array\\\",\\\"elementType\\\":\\\"long\\\",\\\"containsNull\\\":true}";
    CommandResult r = run("{\"resultType\":\"table\",\"isJsonSchema\":true,\"truncated\":true,"
        + "\"schema\":["
        + "{\"name\":\"id\",\"type\":\"\\\"integer\\\"\",\"metadata\":\"{}\"},"
        + "{\"name\":\"big\",\"type\":\"\\\"long\\\"\"},"
        + "{\"name\":\"name\",\"type\":\"\\\"string\\\"\"},"
        + "{\"name\":\"ratio\",\"type\":\"\\\"double\\\"\"},"
        + "{\"name\":\"amount\",\"type\":\"\\\"decimal(12,2)\\\"\"},"
        + "{\"name\":\"ok\",\"type\":\"\\\"boolean\\\"\"},"
        + "{\"name\":\"day\",\"type\":\"\\\"date\\\"\"},"
        + "{\"name\":\"xs\",\"type\":\"" + arrayType + "\"},"
        + "{\"name\":\"props\",\"type\":{\"type\":\"map\",\"keyType\":\"string\",\"valueType\":\"string\"}}"
        + "],"
        + "\"data\":["
        + "[1, 9007199254740993, \"Manila\", 0.25, 1234567890.10, true, \"2026-01-31\", [1,2], {\"a\":\"b\"}],"
        + "[null, null, null, \"NaN\", 1.5, false, null, [], {}]"
        + "]}");

    assertEquals(ResultType.TABLE, r.type());
    ResultTable t = r.table();
    assertTrue(t.truncated());
    assertEquals(2, t.rowCount());
    assertEquals(List.of("id", "big", "name", "ratio", "amount", "ok", "day", "xs", "props"),
        t.columns().stream().map(c -> c.name()).collect(Collectors.toList()));
    assertEquals(List.of("integer", "long", "string", "double", "decimal(12,2)", "boolean", "date", "array", "map"),
        t.columns().stream().map(c -> c.type().name()).collect(Collectors.toList()));
    ColumnType xs = t.columns().get(7).type();
    assertTrue(xs.isComplex());
    assertEquals("long", FakeWorkspace.tree(xs.json()).get("elementType").asText());
    assertFalse(t.columns().get(0).type().isComplex());
    assertEquals("\"integer\"", t.columns().get(0).type().json());
    assertEquals("{}", t.columns().get(0).metadata().orElseThrow());

    List<Object> row = t.rows().get(0);
    assertEquals(1, row.get(0));
    assertEquals(9007199254740993L, row.get(1));
    assertEquals("Manila", row.get(2));
    assertEquals(0.25, row.get(3));
    assertEquals(new BigDecimal("1234567890.10"), row.get(4), "decimals stay exact");
    assertEquals(Boolean.TRUE, row.get(5));
    assertEquals(LocalDate.of(2026, 1, 31), row.get(6));
    assertEquals(List.of(1, 2), row.get(7));
    assertEquals(Map.of("a", "b"), row.get(8));

    List<Object> nulls = t.rows().get(1);
    assertNull(nulls.get(0));
    assertNull(nulls.get(2));
    assertTrue(Double.isNaN((Double) nulls.get(3)));
    assertEquals(new BigDecimal("1.50"), nulls.get(4), "scaled to the declared scale");
    assertEquals(4, t.columnIndex("amount"));
    assertEquals(-1, t.columnIndex("missing"));
  }

  @Test
  void decimalsKeepTheScaleTheServerSent() {
    // Pins the exact-decimal reading on every supported Jackson (the CI floor run included): a
    // normalizing reader would give 1E+2, 0.1 and 0 here, and a column without a declared scale
    // has nothing to restore it from.
    CommandResult r = run("{\"resultType\":\"table\","
        + "\"schema\":[{\"name\":\"d\",\"type\":\"decimal\"},{\"name\":\"s\",\"type\":\"decimal(10,1)\"}],"
        + "\"data\":[[100.0, 100.00],[0.10, 2.50],[0.000, -0.0]]}");
    List<List<Object>> rows = r.table().rows();
    assertEquals(List.of(new BigDecimal("100.0"), new BigDecimal("100.00")), rows.get(0));
    assertEquals(List.of(new BigDecimal("0.10"), new BigDecimal("2.50")), rows.get(1));
    assertEquals(List.of(new BigDecimal("0.000"), new BigDecimal("0.0")), rows.get(2));
    assertEquals(1, ((BigDecimal) rows.get(0).get(0)).scale(), "100.0, not 1E+2");
  }

  @Test
  void tableWithBareTypeNames() {
    CommandResult r = run("{\"resultType\":\"table\",\"schema\":[{\"name\":\"n\",\"type\":\"int\"}],\"data\":[[\"7\"]]}");
    assertEquals("int", r.table().columns().get(0).type().name());
    assertEquals(7, r.table().rows().get(0).get(0));
    assertFalse(r.table().truncated());
  }

  @Test
  void imagesAsBase64Data() {
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2};
    String b64 = Base64.getEncoder().encodeToString(png);
    CommandResult r = run("{\"resultType\":\"images\",\"data\":[\"" + b64 + "\",\"data:image/png;base64," + b64 + "\"]}");
    assertEquals(ResultType.IMAGES, r.type());
    List<CommandImage> images = r.images();
    assertEquals(2, images.size());
    for (CommandImage image : images) {
      assertTrue(image.hasBytes());
      assertArrayEquals(png, image.bytes());
    }
  }

  @Test
  void imagesAsFileNames() {
    CommandResult r = run("{\"resultType\":\"images\",\"fileNames\":[\"plots/a.png\",\"plots/b.png\"]}");
    assertEquals(List.of("plots/a.png", "plots/b.png"),
        Arrays.asList(r.images().get(0).fileName().orElseThrow(), r.images().get(1).fileName().orElseThrow()));
    assertFalse(r.images().get(0).hasBytes());
    assertThrows(IllegalStateException.class, () -> r.images().get(0).bytes());
  }

  @Test
  void singleImageAsFileName() {
    CommandResult r = run("{\"resultType\":\"image\",\"fileName\":\"/plots/1.png\"}");
    assertEquals(ResultType.IMAGE, r.type());
    assertEquals("/plots/1.png", r.images().get(0).fileName().orElseThrow());
  }

  @Test
  void unknownTypeKeepsTheRawTypeAndData() {
    CommandResult r = run("{\"resultType\":\"html\",\"data\":\"<b>hi</b>\"}");
    assertEquals(ResultType.UNKNOWN, r.type());
    assertEquals("html", r.rawType());
    assertEquals("<b>hi</b>", r.rawData().orElseThrow().asText());
  }

  @Test
  void wrongAccessorThrowsAClearError() {
    CommandResult r = run("{\"resultType\":\"text\",\"data\":\"x\"}");
    WrongResultTypeException e = assertThrows(WrongResultTypeException.class, r::table);
    assertEquals(ResultType.TEXT, e.actualType());
    assertTrue(e.getMessage().contains("table() called on a TEXT result"), e.getMessage());
    assertTrue(e.getMessage().contains("use text()"), e.getMessage());
    assertThrows(WrongResultTypeException.class, r::images);
    assertTrue(r.tableValue().isEmpty());
  }

  @Test
  void textOfATableThrows() {
    CommandResult r = run("{\"resultType\":\"table\",\"schema\":[],\"data\":[]}");
    assertThrows(WrongResultTypeException.class, r::text);
    assertEquals(0, r.table().rowCount());
  }

  @Test
  void imageBytesAreCopies() {
    byte[] raw = "img".getBytes(StandardCharsets.UTF_8);
    CommandImage image = CommandImage.ofBytes(raw);
    image.bytes()[0] = 'X';
    assertArrayEquals(raw, image.bytes());
  }
}

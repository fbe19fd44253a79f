package dev.kiln.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OutputFormatterTest {
  private final Table table = Table.withColumns("agency", "month", "amount", "tags")
      .addRow("DPWH", LocalDate.of(2026, 1, 1), new BigDecimal("1234567.50"), List.of("a", "b"))
      .addRow("Dept. \"Health\", PH", null, new BigDecimal("5.00"), Map.of("k", 1));

  private static String render(OutputFormatter.Format format, Table table) {
    return new OutputFormatter(format).render(table).replace(System.lineSeparator(), "\n");
  }

  @Test
  void tablesAlignColumnsAndRightAlignNumbers() {
    assertEquals(""
        + "agency              month           amount  tags\n"
        + "------------------  ----------  ----------  ---------\n"
        + "DPWH                2026-01-01  1234567.50  [\"a\",\"b\"]\n"
        + "Dept. \"Health\", PH  NULL              5.00  {\"k\":1}\n",
        render(OutputFormatter.Format.TABLE, table));
  }

  @Test
  void groupingDecimalsIsForReadingOnly() {
    String text = new OutputFormatter(OutputFormatter.Format.TABLE).groupingDecimals().render(table);
    assertEquals(true, text.contains("1,234,567.50"), text);
    assertEquals(true, render(OutputFormatter.Format.CSV, table).contains("1234567.50"));
  }

  @Test
  void jsonKeepsTypesAndExactDecimals() throws Exception {
    String json = render(OutputFormatter.Format.JSON, table);
    ObjectMapper mapper = new ObjectMapper();
    assertEquals(mapper.readTree("[{\"agency\":\"DPWH\",\"month\":\"2026-01-01\",\"amount\":1234567.50,\"tags\":[\"a\",\"b\"]},"
        + "{\"agency\":\"Dept. \\\"Health\\\", PH\",\"month\":null,\"amount\":5.00,\"tags\":{\"k\":1}}]"), mapper.readTree(json));
    assertEquals(true, json.contains("1234567.50"), json);
  }

  @Test
  void csvQuotesWhatNeedsQuoting() {
    assertEquals(""
        + "agency,month,amount,tags\n"
        + "DPWH,2026-01-01,1234567.50,\"[\"\"a\"\",\"\"b\"\"]\"\n"
        + "\"Dept. \"\"Health\"\", PH\",,5.00,\"{\"\"k\"\":1}\"\n",
        render(OutputFormatter.Format.CSV, table));
  }

  @Test
  void anEmptyTableStillHasItsHeader() {
    Table empty = Table.withColumns("a", "b");
    assertEquals("a  b\n-  -\n", render(OutputFormatter.Format.TABLE, empty));
    assertEquals("a,b\n", render(OutputFormatter.Format.CSV, empty));
    assertEquals("[ ]\n", render(OutputFormatter.Format.JSON, empty));
  }
}

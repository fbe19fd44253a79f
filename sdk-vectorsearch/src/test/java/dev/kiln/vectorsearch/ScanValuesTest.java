package dev.kiln.vectorsearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.kiln.core.Json;
import dev.kiln.vectorsearch.internal.ScanValues;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScanValuesTest {
  private static Object decode(String singleQuoted) throws Exception {
    return ScanValues.decode(Json.mapper().readTree(singleQuoted.replace('\'', '"')));
  }

  @Test
  void structInProtobufObjectFormAndEmptyValues() throws Exception {
    assertEquals(Map.of("a", 1.0, "b", List.of(true)),
        decode("{'struct_value': {'fields': {'a': {'number_value': 1},"
            + " 'b': {'list_value': {'values': [{'bool_value': true}]}}}}}"));
    assertNull(decode("{}"));
    assertNull(decode("null"));
    assertEquals(List.of(), decode("{'list_value': {}}"));
  }

  @Test
  void aValueKindAddedLaterIsKeptAsPlainJava() throws Exception {
    assertEquals(Map.of("date_value", "2026-01-01"), decode("{'date_value': '2026-01-01'}"));
  }
}

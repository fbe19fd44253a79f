package dev.kiln.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JsonTest {
  enum Color { RED, @JsonEnumDefaultValue UNKNOWN }

  static final class Body {
    @JsonProperty("name") String name = "n";
    @JsonProperty("absent") String absent;
    @JsonProperty("empty_optional") Optional<String> emptyOptional = Optional.empty();
    @JsonProperty("rows") List<Map<String, Object>> rows;
  }

  static final class Reply {
    @JsonProperty("color") Color color;
  }

  @Test
  void absentPropertiesAreLeftOutButNullsInsideUserDataAreKept() throws Exception {
    Body b = new Body();
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("a", 1);
    row.put("b", null);
    b.rows = List.of(row);
    assertEquals("{\"name\":\"n\",\"rows\":[{\"a\":1,\"b\":null}]}", Json.mapper().writeValueAsString(b));
    assertEquals("[1,null]", Json.mapper().writeValueAsString(Arrays.asList(1, null)));
    Map<String, Object> m = new HashMap<>();
    m.put("x", null);
    assertEquals("{\"x\":null}", Json.mapper().writeValueAsString(m));
  }

  @Test
  void unknownFieldsAreIgnoredAndUnknownEnumsReadAsDefault() throws Exception {
    Reply r = Json.mapper().readValue("{\"color\":\"OCTARINE\",\"new_field\":1}", Reply.class);
    assertEquals(Color.UNKNOWN, r.color);
  }
}

package dev.kiln.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.catalog.model.FullName;
import dev.kiln.core.error.InvalidRequestException;
import java.util.List;
import org.junit.jupiter.api.Test;

class FullNameTest {
  @Test
  void plainNamesSplitOnDots() {
    FullName name = FullName.parse("main.sales.orders");
    assertEquals(List.of("main", "sales", "orders"), name.parts());
    assertEquals("main", name.catalog());
    assertEquals("sales", name.schema());
    assertEquals("orders", name.name());
    assertEquals("main.sales.orders", name.toString());
  }

  @Test
  void backquotedPartsAreUnquotedForTheApiAndRequotedForSql() {
    FullName name = FullName.parse("`my-catalog`.sales.`q1``orders`");
    assertEquals(List.of("my-catalog", "sales", "q1`orders"), name.parts());
    assertEquals("my-catalog.sales.q1`orders", name.toString());
    assertEquals("`my-catalog`.`sales`.`q1``orders`", name.toSql());
    assertEquals(name, FullName.parse(name.toSql()));
  }

  @Test
  void hyphensAndUnicodeNeedNoQuotesInTheApiForm() {
    assertEquals(List.of("bir-2026", "données"), FullName.parse("bir-2026.données").parts());
  }

  @Test
  void partCountsAreCheckedPerUse() {
    assertEquals(2, FullName.parse("main.default", 2, "schema").size());
    InvalidRequestException e =
        assertThrows(InvalidRequestException.class, () -> FullName.parse("main.default", 3, "table"));
    assertTrue(e.getMessage().contains("3 part(s)"), e.getMessage());
    assertThrows(InvalidRequestException.class, () -> FullName.parse("a.b.c.d"));
    assertThrows(InvalidRequestException.class, () -> FullName.parse("main", 2, "schema"));
  }

  @Test
  void forbiddenCharactersFailEvenInsideBackquotes() {
    for (String bad : new String[] {"main..t", ".main", "main.", "ma in.s", "`a.b`.c", "`a b`.c", "a/b.c",
        "a\tb.c", "a\u007Fb.c", "`unclosed.s", "`a`b.c", "a`b`.c", "``.s", " ", ""}) {
      assertThrows(InvalidRequestException.class, () -> FullName.parse(bad), bad);
    }
    assertThrows(InvalidRequestException.class, () -> FullName.parse(null));
  }

  @Test
  void partsAreAtMost255Characters() {
    String longest = "x".repeat(255);
    assertEquals(longest, FullName.parse(longest + ".s").catalog());
    InvalidRequestException e =
        assertThrows(InvalidRequestException.class, () -> FullName.parse("x".repeat(256) + ".s"));
    assertTrue(e.getMessage().contains("256 characters"), e.getMessage());
  }

  @Test
  void ofChecksEachPart() {
    assertEquals("a.b.c", FullName.of("a", "b", "c").toString());
    assertThrows(InvalidRequestException.class, () -> FullName.of("a.b", "c"));
    assertThrows(InvalidRequestException.class, () -> FullName.of());
  }
}

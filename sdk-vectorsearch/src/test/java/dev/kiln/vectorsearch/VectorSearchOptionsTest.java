package dev.kiln.vectorsearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.core.error.InvalidRequestException;
import org.junit.jupiter.api.Test;

class VectorSearchOptionsTest extends MockServerTest {
  private static final String SCAN_PATH = "/api/2.0/vector-search/indexes/main.docs.idx/scan";

  @Test
  void defaultsAndCopies() {
    VectorSearchOptions defaults = VectorSearchOptions.defaults();
    assertEquals(100, defaults.scanPageSize());
    assertSame(defaults, vs.options());
    VectorSearchOptions changed = defaults.toBuilder().scanPageSize(7).build();
    assertEquals(7, changed.scanPageSize());
    assertEquals(100, defaults.scanPageSize(), "toBuilder() copies; the original is unchanged");
    assertEquals(changed, changed.toBuilder().build());
    assertNotSame(changed, changed.toBuilder().build());
    assertEquals(defaults, VectorSearchOptions.builder().build());
  }

  @Test
  void invalidKnobsAreNamed() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> VectorSearchOptions.builder().scanPageSize(0));
    assertTrue(e.getMessage().contains("scanPageSize"), e.getMessage());
  }

  @Test
  void scanUsesTheOptionsPageSize() throws Exception {
    enqueueJson("{'data': []}");
    VectorSearchClient tuned = VectorSearchClient.create(db, VectorSearchOptions.builder().scanPageSize(3).build());

    assertEquals(0, tuned.scan("main.docs.idx").stream().count());

    take("POST", SCAN_PATH, "{'num_results': 3}");
  }

  @Test
  void createNamesAMissingArgument() {
    InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> VectorSearchClient.create(db, null));
    assertTrue(e.getMessage().startsWith("options "), e.getMessage());
    e = assertThrows(InvalidRequestException.class, () -> VectorSearchClient.create(null));
    assertTrue(e.getMessage().startsWith("db "), e.getMessage());
  }
}

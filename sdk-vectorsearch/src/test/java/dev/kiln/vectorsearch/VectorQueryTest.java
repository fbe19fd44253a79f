package dev.kiln.vectorsearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.core.error.InvalidRequestException;
import dev.kiln.vectorsearch.model.VectorQuery;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VectorQueryTest {
  private static VectorQuery.Builder valid() {
    return VectorQuery.builder().addColumns("id", "text").queryText("Databricks Vector Search");
  }

  @Test
  void readmeFormBuilds() {
    VectorQuery q = VectorQuery.builder()
        .addColumns("id", "text").queryText("Databricks Vector Search").numResults(20).build();
    assertEquals(List.of("id", "text"), q.columns());
    assertEquals(20, q.numResults().orElseThrow());
    assertFalse(q.hasFilters());
    assertFalse(q.effectiveFiltersJson().isPresent());
  }

  @Test
  void vectorFormsAllLandAsFloats() {
    List<Float> expected = List.of(1.5f, 2f);
    float[] array = {1.5f, 2f};
    assertEquals(expected, VectorQuery.builder().addColumns("id").queryVector(array).build().queryVector());
    assertEquals(expected, VectorQuery.builder().addColumns("id").queryVector(List.of(1.5f, 2f)).build().queryVector());
    assertEquals(expected, VectorQuery.builder().addColumns("id").queryVector(List.of(1.5d, 2d)).build().queryVector());
  }

  @Test
  void filtersMapIsWrittenAsAJsonString() {
    VectorQuery q = valid().filters(Map.of("id <", 5)).build();
    assertTrue(q.hasFilters());
    assertEquals("{\"id <\":5}", q.effectiveFiltersJson().orElseThrow());
  }

  @Test
  void invalidQueriesFailAtBuildWithAMessageSayingWhatToChange() {
    assertMessage("at least one column", () -> VectorQuery.builder().queryText("q").build());
    assertMessage("queryText(..) or queryVector(..)", () -> VectorQuery.builder().addColumns("id").build());
    assertMessage("queryText must not be blank", () -> VectorQuery.builder().addColumns("id").queryText("  ").build());
    assertMessage("between 1 and 10000", () -> valid().numResults(0).build());
    assertMessage("between 1 and 10000", () -> valid().numResults(10_001).build());
    assertMessage("not several", () -> valid().filters(Map.of("a", 1)).filtersJson("{\"a\": 1}").build());
    assertMessage("not valid JSON", () -> valid().filtersJson("{id <: 5").build());
    assertMessage("JSON object", () -> valid().filtersJson("[1, 2]").build());
    assertMessage("finite", () -> VectorQuery.builder().addColumns("id").queryVector(new float[] {Float.NaN}).build());
    assertMessage("finite", () -> valid().scoreThreshold(Double.POSITIVE_INFINITY).build());
    assertMessage("blank names", () -> VectorQuery.builder().addColumns("id", " ").queryText("q").build());
    assertMessage("endpointName", () -> valid().endpointName("").build());
    // the edges of the range are fine
    assertEquals(1, valid().numResults(1).build().numResults().orElseThrow());
    assertEquals(10_000, valid().numResults(10_000).build().numResults().orElseThrow());
  }

  @Test
  void copiesAreValidatedToo() {
    VectorQuery q = valid().build();
    assertThrows(InvalidRequestException.class, () -> q.withNumResults(0));
  }

  private static void assertMessage(String expected, org.junit.jupiter.api.function.Executable build) {
    InvalidRequestException e = assertThrows(InvalidRequestException.class, build);
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }
}

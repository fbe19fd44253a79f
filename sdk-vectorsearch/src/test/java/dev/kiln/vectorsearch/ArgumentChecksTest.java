package dev.kiln.vectorsearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.kiln.core.error.InvalidRequestException;
import dev.kiln.core.spi.Futures;
import dev.kiln.vectorsearch.model.VectorQuery;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The call contract: async methods never throw (bad input is a future failed with
 * {@link InvalidRequestException}), blocking methods throw that same type unwrapped, every message
 * names the argument, and nothing reaches the server. Each test ends by checking the server saw no
 * request at all.
 */
class ArgumentChecksTest extends MockServerTest {
  private static final String INDEX = "main.docs.idx";
  private static final VectorQuery QUERY = VectorQuery.builder().addColumns("id").queryText("q").build();

  @AfterEach
  void nothingWasSent() {
    assertEquals(0, server.getRequestCount(), "bad input must be rejected before anything is sent");
  }

  @Test
  void asyncBadInputIsAFailedFutureNamingTheArgument() {
    rejectedAsync("endpointName", () -> vs.getEndpointAsync(null));
    rejectedAsync("indexName", () -> vs.getIndexAsync(null));
    rejectedAsync("indexName", () -> vs.queryAsync(null, QUERY));
    rejectedAsync("query", () -> vs.queryAsync(INDEX, null));
    rejectedAsync("indexName", () -> vs.queryNextPageAsync(null, "ep", "tok"));
    rejectedAsync("endpointName", () -> vs.queryNextPageAsync(INDEX, null, "tok"));
    rejectedAsync("pageToken", () -> vs.queryNextPageAsync(INDEX, "ep", null));
    rejectedAsync("indexName", () -> vs.upsertAsync(null, List.of(Map.of("id", "1"))));
    rejectedAsync("rows", () -> vs.upsertAsync(INDEX, null));
    rejectedAsync("rows", () -> vs.upsertAsync(INDEX, List.of()));
    rejectedAsync("rows[1]", () -> vs.upsertAsync(INDEX, Arrays.asList(Map.of("id", "1"), null)));
    rejectedAsync("indexName", () -> vs.deleteAsync(null, List.of("k")));
    rejectedAsync("primaryKeys", () -> vs.deleteAsync(INDEX, null));
    rejectedAsync("primaryKeys[0]", () -> vs.deleteAsync(INDEX, Arrays.asList((String) null)));
  }

  @Test
  void blockingBadInputThrowsTheSameTypeUnwrapped() {
    rejected("endpointName", () -> vs.getEndpoint(null));
    rejected("indexName", () -> vs.getIndex(null));
    rejected("query", () -> vs.query(INDEX, null));
    rejected("pageToken", () -> vs.queryNextPage(INDEX, "ep", " "));
    rejected("rows", () -> vs.upsert(INDEX, null));
    rejected("primaryKeys", () -> vs.delete(INDEX, null));
  }

  @Test
  void lazyListingsCheckTheirArgumentsAtOnce() {
    rejected("endpointName", () -> vs.listIndexes(null));
    rejected("endpointName", () -> vs.listIndexes(".."));
    rejected("indexName", () -> vs.queryAll(null, QUERY));
    rejected("query", () -> vs.queryAll(INDEX, null));
    rejected("indexName", () -> vs.scan(null));
    rejected("indexName", () -> vs.scan("main..idx", 10));
    rejected("pageSize", () -> vs.scan(INDEX, 0));
  }

  @Test
  void dotSegmentsNeverReachThePath() {
    for (String dots : List.of(".", "..")) {
      rejected("endpointName", () -> vs.getEndpoint(dots));
      rejectedAsync("endpointName", () -> vs.getEndpointAsync(dots));
      rejected("indexName", () -> vs.getIndex(dots));
      rejectedAsync("indexName", () -> vs.queryAsync(dots, QUERY));
      rejectedAsync("indexName", () -> vs.upsertAsync(dots, List.of(Map.of("id", "1"))));
      rejectedAsync("indexName", () -> vs.deleteAsync(dots, List.of("k")));
    }
    // Empty parts of a three-level name: "main..idx" and friends would be a different resource.
    for (String name : List.of("main..idx", "..idx", "main.docs.", "...", "main. .idx")) {
      rejected("indexName", () -> vs.getIndex(name));
    }
  }

  @Test
  void indexNamesMustHaveThreeLevels() {
    for (String name : List.of("idx", "docs.idx", "main.docs.idx.extra")) {
      InvalidRequestException e = rejected("indexName", () -> vs.getIndex(name));
      assertTrue(e.getMessage().contains("catalog.schema.index"), e.getMessage());
    }
  }

  @Test
  void overLongNamesAreRejectedWithoutEchoingThem() {
    String longPart = "i".repeat(VectorSearchClient.MAX_NAME_PART_LENGTH + 1);
    String huge = "x".repeat(1 << 20);
    for (String name : List.of("main.docs." + longPart, longPart + ".docs.idx", "main.docs." + huge, huge)) {
      InvalidRequestException e = rejected("indexName", () -> vs.getIndex(name));
      assertTrue(e.getMessage().length() < 200, "the name is not echoed: " + e.getMessage().length() + " chars");
      rejectedAsync("indexName", () -> vs.queryAsync(name, QUERY));
    }
    rejected("endpointName", () -> vs.getEndpoint(huge));
    rejectedAsync("endpointName", () -> vs.queryNextPageAsync(INDEX, huge, "tok"));
  }

  @Test
  void everyAsyncMethodFailsInsteadOfThrowingForAllNullArguments() throws Exception {
    List<String> problems = new ArrayList<>();
    for (Method m : VectorSearchClient.class.getMethods()) {
      if (Modifier.isStatic(m.getModifiers()) || !m.getName().endsWith("Async")) {
        continue;
      }
      Object[] nulls = new Object[m.getParameterCount()];
      Object returned;
      try {
        returned = m.invoke(vs, nulls);
      } catch (InvocationTargetException e) {
        problems.add(m.getName() + " threw " + e.getCause());
        continue;
      }
      try {
        ((CompletableFuture<?>) returned).get(5, TimeUnit.SECONDS);
        problems.add(m.getName() + " accepted nulls");
      } catch (ExecutionException e) {
        Throwable cause = Futures.unwrap(e);
        if (!(cause instanceof InvalidRequestException)) {
          problems.add(m.getName() + " failed with " + cause);
        }
      }
    }
    assertTrue(problems.isEmpty(), String.join("\n", problems));
  }

  @Test
  void everyRemoteOperationHasAnAsyncTwin() {
    // Local methods, and lazy listings whose remote work happens page by page while iterating.
    Set<String> local = Set.of("options", "toString", "listEndpoints", "listIndexes", "queryAll", "scan", "handle");
    Set<String> missing = new TreeSet<>();
    for (Method m : VectorSearchClient.class.getMethods()) {
      if (Modifier.isStatic(m.getModifiers()) || m.getDeclaringClass() == Object.class
          || m.getName().endsWith("Async") || local.contains(m.getName())) {
        continue;
      }
      try {
        Method twin = VectorSearchClient.class.getMethod(m.getName() + "Async", m.getParameterTypes());
        assertEquals(CompletableFuture.class, twin.getReturnType());
      } catch (NoSuchMethodException e) {
        missing.add(m.getName());
      }
    }
    assertTrue(missing.isEmpty(), "no async twin for " + missing);
  }

  private static void assertNames(String argument, InvalidRequestException e) {
    assertTrue(e.getMessage().startsWith(argument + " ") || e.getMessage().contains(" " + argument + " "),
        "the message names " + argument + ": " + e.getMessage());
  }

  private static InvalidRequestException rejected(String argument, Executable call) {
    InvalidRequestException e = assertThrows(InvalidRequestException.class, call);
    assertNames(argument, e);
    return e;
  }

  private static void rejectedAsync(String argument, Supplier<CompletableFuture<?>> call) {
    CompletableFuture<?> f;
    try {
      f = call.get();
    } catch (RuntimeException e) {
      fail("an async method threw instead of failing its future: " + e);
      return;
    }
    assertNotNull(f);
    assertTrue(f.isCompletedExceptionally(), "failed at once, before anything is sent");
    ExecutionException e = assertThrows(ExecutionException.class, f::get);
    assertTrue(e.getCause() instanceof InvalidRequestException, "failed with " + e.getCause());
    assertNames(argument, (InvalidRequestException) e.getCause());
    assertFalse(f.isCancelled());
  }
}

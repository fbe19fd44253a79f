package dev.kiln.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PagedIterableTest {
  private final List<String> requestedTokens = new ArrayList<>();

  private PagedIterable<Integer> listing() {
    return PagedIterable.of(token -> {
      requestedTokens.add(token);
      if (token == null) {
        return Page.of(List.of(1, 2), "p2");
      }
      if (token.equals("p2")) {
        return Page.of(List.of(), "p3"); // empty page that still carries a token
      }
      return Page.of(List.of(3), "");
    });
  }

  @Test
  void nothingIsFetchedUntilIterationStarts() {
    PagedIterable<Integer> items = listing();
    assertEquals(0, requestedTokens.size());
    Iterator<Integer> it = items.iterator();
    assertEquals(0, requestedTokens.size());
    assertEquals(1, it.next());
    assertEquals(1, requestedTokens.size());
    assertEquals(2, it.next());
    assertEquals(1, requestedTokens.size(), "the second page is fetched only when needed");
  }

  @Test
  void followsEmptyPagesAndStopsAtTheLastToken() {
    assertEquals(List.of(1, 2, 3), listing().stream().collect(Collectors.toList()));
    assertEquals(java.util.Arrays.asList(null, "p2", "p3"), requestedTokens);
  }

  @Test
  void canBeIteratedAgainFromTheStart() {
    PagedIterable<Integer> items = listing();
    List<Integer> first = new ArrayList<>();
    items.forEach(first::add);
    List<Integer> second = new ArrayList<>();
    items.forEach(second::add);
    assertEquals(first, second);
    assertEquals(6, requestedTokens.size());
  }

  @Test
  void pagesKeepTheirBoundaries() {
    List<Integer> sizes = new ArrayList<>();
    listing().pages().forEach(p -> sizes.add(p.items().size()));
    assertEquals(List.of(2, 0, 1), sizes);
  }

  @Test
  void aShortStreamFetchesOnlyWhatItReads() {
    assertEquals(List.of(1), listing().stream().limit(1).collect(Collectors.toList()));
    assertEquals(1, requestedTokens.size());
  }
}

package dev.kiln.core;

import java.util.List;
import java.util.Optional;

/** One page of a listing and the token for the next one (null or empty when it is the last). */
public final class Page<T> {
  private final List<T> items;
  private final String nextToken;

  private Page(List<T> items, String nextToken) {
    this.items = items == null ? List.of() : List.copyOf(items);
    this.nextToken = nextToken == null || nextToken.isEmpty() ? null : nextToken;
  }

  /**
   * A page of {@code items} (null reads as none; copied) followed by the page {@code nextToken}
   * names; a null or empty token marks the last page.
   */
  public static <T> Page<T> of(List<T> items, String nextToken) {
    return new Page<>(items, nextToken);
  }

  /** The page's items in server order, unmodifiable; may be empty even when a next page exists. */
  public List<T> items() {
    return items;
  }

  /** The token that fetches the next page; empty on the last page. */
  public Optional<String> nextToken() {
    return Optional.ofNullable(nextToken);
  }
}

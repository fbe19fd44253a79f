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

  public static <T> Page<T> of(List<T> items, String nextToken) {
    return new Page<>(items, nextToken);
  }

  public List<T> items() {
    return items;
  }

  public Optional<String> nextToken() {
    return Optional.ofNullable(nextToken);
  }
}

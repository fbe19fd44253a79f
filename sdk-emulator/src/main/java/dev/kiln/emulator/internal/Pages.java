package dev.kiln.emulator.internal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/** Offset paging behind opaque {@code page_token}s, with {@code page_size} capped per API. */
final class Pages {
  private static final String PREFIX = "offset:";

  private Pages() {}

  /** One page of {@code all} and the token of the next one (absent on the last page). */
  static final class Page<T> {
    final List<T> items;
    final Optional<String> nextPageToken;

    Page(List<T> items, Optional<String> nextPageToken) {
      this.items = items;
      this.nextPageToken = nextPageToken;
    }
  }

  static <T> Page<T> slice(List<T> all, Request request, int maxPageSize) {
    int pageSize = pageSize(request, maxPageSize);
    int offset = request.queryParam("page_token").filter(token -> !token.isEmpty()).map(Pages::decode).orElse(0);
    int end = Math.min(all.size(), offset + pageSize);
    List<T> items = offset >= all.size() ? List.of() : List.copyOf(all.subList(offset, end));
    Optional<String> next = end < all.size() ? Optional.of(encode(end)) : Optional.empty();
    return new Page<>(items, next);
  }

  private static int pageSize(Request request, int maxPageSize) {
    Optional<String> text = request.queryParam("page_size");
    if (text.isEmpty() || text.get().isEmpty()) {
      return maxPageSize;
    }
    try {
      int size = Integer.parseInt(text.get());
      if (size < 0) {
        throw ApiException.invalidParameter("page_size must not be negative.");
      }
      return size == 0 ? maxPageSize : Math.min(size, maxPageSize);
    } catch (NumberFormatException e) {
      throw ApiException.invalidParameter("page_size must be a number.");
    }
  }

  private static String encode(int offset) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString((PREFIX + offset).getBytes(StandardCharsets.UTF_8));
  }

  private static int decode(String token) {
    try {
      String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
      if (text.startsWith(PREFIX)) {
        int offset = Integer.parseInt(text.substring(PREFIX.length()));
        if (offset >= 0) {
          return offset;
        }
      }
    } catch (IllegalArgumentException e) {
      // falls through to the 400 below
    }
    throw ApiException.invalidParameter("page_token '" + token + "' is not valid.");
  }
}

package dev.kiln.emulator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Offset paging of list routes behind opaque {@code page_token}s, with {@code page_size} capped per API. */
final class Pages {
  private static final String PREFIX = "offset:";

  private Pages() {}

  /**
   * The reply of a list route: {@code {"<field>": [the page of all, each item through toJson],
   * "next_page_token": ...}}, the token only when more items follow.
   */
  static <T> Response reply(
      Request request, List<T> all, int maxPageSize, String field, Function<? super T, ? extends JsonNode> toJson) {
    int pageSize = pageSize(request, maxPageSize);
    int offset = request.queryParam("page_token").filter(token -> !token.isEmpty()).map(Pages::decode).orElse(0);
    return Response.ok(page(all, offset, pageSize, field, toJson));
  }

  /** One page from {@code offset}: {@code {"<field>": [...], "next_page_token": ...}}, the token only when more follow. */
  static <T> ObjectNode page(
      List<T> all, int offset, int pageSize, String field, Function<? super T, ? extends JsonNode> toJson) {
    int end = Math.min(all.size(), offset + pageSize);
    ObjectNode body = Json.object();
    ArrayNode items = body.putArray(field);
    if (offset < all.size()) {
      all.subList(offset, end).forEach(item -> items.add(toJson.apply(item)));
    }
    if (end < all.size()) {
      body.put("next_page_token", encode(end));
    }
    return body;
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

  /** The opaque page token of an offset (also used by routes with their own paging rules). */
  static String encode(int offset) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString((PREFIX + offset).getBytes(StandardCharsets.UTF_8));
  }

  /** The offset behind a token of {@link #page}; a token not made here is a 400. */
  static int decode(String token) {
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

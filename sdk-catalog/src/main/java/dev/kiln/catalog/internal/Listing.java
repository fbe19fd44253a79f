package dev.kiln.catalog.internal;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.core.Json;
import dev.kiln.core.Page;
import java.util.List;

/**
 * Reads one page of a Unity Catalog listing: the items under a per-endpoint field ({@code catalogs},
 * {@code schemas}, {@code tables}, {@code volumes}, {@code privilege_assignments}) and
 * {@code next_page_token}. An absent field is an empty page (the server leaves empty lists out).
 */
public final class Listing {
  private Listing() {}

  public static <T> Page<T> page(JsonNode body, String field, Class<T> itemType) {
    return Page.of(items(body, field, itemType), nextToken(body));
  }

  public static <T> List<T> items(JsonNode body, String field, Class<T> itemType) {
    JsonNode items = body == null ? null : body.get(field);
    if (items == null || items.isNull()) {
      return List.of();
    }
    JavaType listType = Json.mapper().getTypeFactory().constructCollectionType(List.class, itemType);
    return Json.mapper().convertValue(items, listType);
  }

  /** Null when there is no next page. */
  public static String nextToken(JsonNode body) {
    JsonNode token = body == null ? null : body.get("next_page_token");
    return token == null || token.isNull() || token.asText().isEmpty() ? null : token.asText();
  }
}

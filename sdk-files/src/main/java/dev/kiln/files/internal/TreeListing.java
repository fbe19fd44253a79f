package dev.kiln.files.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.kiln.core.Json;
import dev.kiln.core.Page;
import dev.kiln.core.PagedIterable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A lazy listing of a directory tree whose API lists one directory per call without paging (DBFS,
 * Workspace): each page is one directory, fetched when iteration reaches it. The next token carries
 * the directories still to visit, so the listing holds no state between iterations.
 */
public final class TreeListing {
  private static final TypeReference<List<String>> PATHS = new TypeReference<>() {};

  private TreeListing() {}

  /**
   * {@code listDirectory} lists one directory; {@code subdirectory} gives an entry's path when it is a
   * directory to descend into (only asked when {@code recursive}).
   */
  public static <T> PagedIterable<T> of(String root, boolean recursive, Function<String, List<T>> listDirectory,
      Function<T, Optional<String>> subdirectory) {
    return PagedIterable.of(token -> {
      List<String> pending = token == null ? new ArrayList<>(List.of(root)) : decode(token);
      String directory = pending.remove(0);
      List<T> entries = listDirectory.apply(directory);
      if (recursive) {
        for (T entry : entries) {
          subdirectory.apply(entry).ifPresent(pending::add);
        }
      }
      return Page.of(entries, pending.isEmpty() ? null : encode(pending));
    });
  }

  private static String encode(List<String> paths) {
    try {
      return Json.mapper().writeValueAsString(paths);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<String> decode(String token) {
    try {
      return new ArrayList<>(Json.mapper().readValue(token, PATHS));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}

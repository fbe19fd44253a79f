package dev.kiln.core;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * How a successful response body is read. Error bodies are always read whole by the client for
 * error mapping; this only applies to 2xx answers.
 */
@FunctionalInterface
public interface BodyReader<T> {
  HttpResponse.BodySubscriber<T> subscriber(HttpResponse.ResponseInfo info);

  static <T> BodyReader<T> json(Class<T> type) {
    return json(Json.mapper().constructType(type));
  }

  static <T> BodyReader<T> json(TypeReference<T> type) {
    return json(Json.mapper().constructType(type));
  }

  /** Reads the body with the shared mapper; an empty body reads as {@code {}} (or null for Void). */
  static <T> BodyReader<T> json(JavaType type) {
    return info -> HttpResponse.BodySubscribers.mapping(
        HttpResponse.BodySubscribers.ofByteArray(), bytes -> parseJson(bytes, type));
  }

  static BodyReader<JsonNode> jsonTree() {
    return json(JsonNode.class);
  }

  static BodyReader<byte[]> bytes() {
    return info -> HttpResponse.BodySubscribers.ofByteArray();
  }

  static BodyReader<String> string() {
    return info -> HttpResponse.BodySubscribers.ofString(StandardCharsets.UTF_8);
  }

  /**
   * The body as a stream, handed over as soon as the headers arrive; the caller must close it
   * (closing early releases the connection).
   */
  static BodyReader<InputStream> inputStream() {
    return info -> HttpResponse.BodySubscribers.ofInputStream();
  }

  static BodyReader<Void> discard() {
    return info -> HttpResponse.BodySubscribers.replacing(null);
  }

  private static <T> T parseJson(byte[] bytes, JavaType type) {
    try {
      if (bytes.length == 0) {
        if (type.getRawClass() == Void.class) {
          return null;
        }
        return Json.mapper().readValue("{}", type);
      }
      return Json.mapper().readValue(bytes, type);
    } catch (IOException e) {
      throw new UncheckedIOException("could not read the response as " + type.getTypeName(), e);
    }
  }
}

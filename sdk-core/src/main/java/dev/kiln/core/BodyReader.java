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
  /** The subscriber that decodes the body of the 2xx response described by {@code info}. */
  HttpResponse.BodySubscriber<T> subscriber(HttpResponse.ResponseInfo info);

  /**
   * Reads the body as JSON into {@code type} with the shared mapper; an empty body reads as
   * {@code {}}.
   */
  static <T> BodyReader<T> json(Class<T> type) {
    return json(Json.mapper().constructType(type));
  }

  /**
   * Reads the body as JSON into a generic {@code type}, e.g. {@code new
   * TypeReference<List<String>>() {}}.
   */
  static <T> BodyReader<T> json(TypeReference<T> type) {
    return json(Json.mapper().constructType(type));
  }

  /** Reads the body with the shared mapper; an empty body reads as {@code {}} (or null for Void). */
  static <T> BodyReader<T> json(JavaType type) {
    return info -> HttpResponse.BodySubscribers.mapping(
        HttpResponse.BodySubscribers.ofByteArray(), bytes -> parseJson(bytes, type));
  }

  /** Reads the body as a JSON tree, for answers with no model class. */
  static BodyReader<JsonNode> jsonTree() {
    return json(JsonNode.class);
  }

  /** Reads the whole body into memory as bytes. */
  static BodyReader<byte[]> bytes() {
    return info -> HttpResponse.BodySubscribers.ofByteArray();
  }

  /** Reads the whole body as UTF-8 text. */
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

  /** Drops the body; {@link ApiResponse#body()} is then null. */
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

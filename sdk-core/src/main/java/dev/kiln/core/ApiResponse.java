package dev.kiln.core;

import java.net.http.HttpHeaders;
import java.util.Optional;

/** A successful (2xx) answer with its decoded body and what it took to get it. */
public final class ApiResponse<T> {
  private final int statusCode;
  private final HttpHeaders headers;
  private final T body;
  private final int attempts;

  /**
   * Creates the response; built by the client, or by tests that fake one.
   *
   * @param statusCode the 2xx status
   * @param headers the response headers
   * @param body the decoded body; null for {@link BodyReader#discard()}
   * @param attempts attempts made, at least 1
   */
  public ApiResponse(int statusCode, HttpHeaders headers, T body, int attempts) {
    this.statusCode = statusCode;
    this.headers = headers;
    this.body = body;
    this.attempts = attempts;
  }

  /** The HTTP status, 200 to 299. */
  public int statusCode() {
    return statusCode;
  }

  /** All response headers. */
  public HttpHeaders headers() {
    return headers;
  }

  /**
   * The first value of header {@code name} (case-insensitive); empty when the response has none.
   */
  public Optional<String> header(String name) {
    return headers.firstValue(name);
  }

  /**
   * The body as decoded by the request's {@link BodyReader}; null only for
   * {@link BodyReader#discard()} (or a {@code Void} JSON body).
   */
  public T body() {
    return body;
  }

  /** Attempts made, 1 when the first one succeeded. */
  public int attempts() {
    return attempts;
  }

  /** The server's request id, when it sent one. */
  public Optional<String> requestId() {
    return requestIdOf(headers);
  }

  /** The request id in {@code x-request-id}, else {@code x-databricks-request-id}, of any answer. */
  public static Optional<String> requestIdOf(HttpHeaders headers) {
    Optional<String> id = headers.firstValue("x-request-id");
    return id.isPresent() ? id : headers.firstValue("x-databricks-request-id");
  }

  @Override
  public String toString() {
    return "ApiResponse[status=" + statusCode + ", attempts=" + attempts + "]";
  }
}

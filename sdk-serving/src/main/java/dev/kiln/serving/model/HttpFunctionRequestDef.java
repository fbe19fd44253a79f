package dev.kiln.serving.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.kiln.core.Json;
import dev.kiln.core.error.InvalidRequestException;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A request to an external service through a Unity Catalog HTTP connection, which holds the host and the
 * credentials ({@code POST /api/2.0/external-function}). Headers, query parameters and the JSON body travel as
 * JSON strings, as the API wants them.
 */
@Value.Immutable
@JsonSerialize(as = HttpFunctionRequest.class)
abstract class HttpFunctionRequestDef {
  /** The UC connection to go through. */
  @JsonProperty("connection_name")
  public abstract String connectionName();

  /** GET, POST, PUT, PATCH or DELETE. */
  @JsonProperty("method")
  public abstract String method();

  /** The path under the connection's base URL, e.g. {@code /v1/issues}. */
  @JsonProperty("path")
  public abstract String path();

  /** HTTP headers to send to the service, besides the connection's own credentials. */
  @JsonIgnore
  public abstract Map<String, String> headers();

  /** Query parameters to add to the URL. */
  @JsonIgnore
  public abstract Map<String, String> params();

  /** The JSON body to send, as text; must parse. */
  @JsonProperty("json")
  public abstract Optional<String> json();

  @JsonProperty("headers")
  Optional<String> headersJson() {
    return headers().isEmpty() ? Optional.empty() : Optional.of(write(headers()));
  }

  @JsonProperty("params")
  Optional<String> paramsJson() {
    return params().isEmpty() ? Optional.empty() : Optional.of(write(params()));
  }

  /**
   * Rejects a request the server would refuse, when it is built.
   *
   * @throws dev.kiln.core.error.InvalidRequestException for a blank connection, another method, a
   *     path not starting with {@code /}, or a body that is not JSON
   */
  @Value.Check
  protected void check() {
    if (connectionName().isBlank()) {
      throw new InvalidRequestException("connectionName must not be blank");
    }
    if (!java.util.List.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method())) {
      throw new InvalidRequestException("method must be GET, POST, PUT, PATCH or DELETE, was " + method());
    }
    if (!path().startsWith("/")) {
      throw new InvalidRequestException("path must start with '/', was " + path());
    }
    json().ifPresent(text -> {
      try {
        Json.mapper().readTree(text);
      } catch (JsonProcessingException e) {
        throw new InvalidRequestException("json is not valid JSON: " + e.getOriginalMessage());
      }
    });
  }

  private static String write(Map<String, String> values) {
    try {
      return Json.mapper().writeValueAsString(values);
    } catch (JsonProcessingException e) {
      throw new InvalidRequestException("cannot write as JSON: " + e.getOriginalMessage());
    }
  }
}

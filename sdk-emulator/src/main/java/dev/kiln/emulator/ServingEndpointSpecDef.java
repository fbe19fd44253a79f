package dev.kiln.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.immutables.value.Value;

/**
 * A Model Serving endpoint answered by a Java handler; add it with {@link LocalWorkspace#addServingEndpoint}:
 *
 * <pre>{@code
 * ObjectMapper mapper = new ObjectMapper();
 * ws.addServingEndpoint(ServingEndpointSpec.builder()
 *     .name("churn-scorer")
 *     .handler(body -> {
 *       ObjectNode reply = mapper.createObjectNode();
 *       body.path("dataframe_records").forEach(row -> reply.withArray("predictions").add(row.size() > 3 ? 0.9 : 0.1));
 *       return reply;
 *     })
 *     .build());
 * }</pre>
 *
 * The handler gets the invocation body and returns the response body; throwing {@link
 * IllegalArgumentException} answers 400 {@code BAD_REQUEST}. For OpenAI-style replies (with an {@code object}
 * field) the endpoint fills in {@code model} when the handler left it out, and a {@code "stream": true}
 * request gets the {@code chat.completion} / {@code text_completion} reply as SSE chunks, word by word. See
 * {@link ServingModels} for the built-in handlers.
 */
@Value.Immutable
public abstract class ServingEndpointSpecDef {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,63}");

  // Package-private: only the generated class extends it.
  ServingEndpointSpecDef() {}

  /** 1 to 63 letters, digits, dashes or underscores. */
  public abstract String name();

  /**
   * The model: turns each invocation's JSON request body into the JSON reply. An
   * {@code IllegalArgumentException} it throws answers 400 {@code BAD_REQUEST}; any other exception
   * answers 500 {@code INTERNAL_ERROR}.
   */
  public abstract Function<JsonNode, JsonNode> handler();

  /** {@code llm/v1/chat}, {@code llm/v1/completions} or {@code llm/v1/embeddings}; absent for custom models. */
  public abstract Optional<String> task();

  /** The served entity (sent back in the {@code served-model-name} header); the endpoint name by default. */
  @Value.Default
  public String servedModelName() {
    return name();
  }

  /** The endpoint's tags, as {@code GET serving-endpoints/{name}} reports them; none when empty. */
  public abstract Map<String, String> tags();

  /** How long the endpoint stays {@code NOT_READY} after it is added (default: ready at once). */
  @Value.Default
  public Duration startTime() {
    return Duration.ZERO;
  }

  /**
   * Rejects an invalid spec when it is built.
   *
   * @throws IllegalStateException for a name that is not 1 to 63 letters, digits, dashes or
   *     underscores, or a negative start time
   */
  @Value.Check
  protected void check() {
    if (!NAME.matcher(name()).matches()) {
      throw new IllegalStateException(
          "a serving endpoint name is 1 to 63 letters, digits, '-' or '_', got '" + name() + "'");
    }
    if (startTime().isNegative()) {
      throw new IllegalStateException("startTime must not be negative");
    }
  }
}

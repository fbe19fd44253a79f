package dev.kiln.serving.internal;

import dev.kiln.core.error.InvalidRequestException;
import dev.kiln.core.spi.Args;

/** The one place that knows what a serving endpoint name may be and which paths carry it. */
public final class EndpointNames {
  /** Longest endpoint name the workspace accepts. */
  public static final int MAX_LENGTH = 63;

  /** Control plane: {@code GET/DELETE /api/2.0/serving-endpoints/{name}}. */
  public static final String ENDPOINT = "/api/2.0/serving-endpoints/{name}";

  public static final String OPENAPI = ENDPOINT + "/openapi";

  /** Data plane: invocations have no {@code /api} prefix. */
  public static final String INVOCATIONS = "/serving-endpoints/{name}/invocations";

  /** One served model, bypassing the endpoint's traffic split. */
  public static final String SERVED_MODEL_INVOCATIONS = "/serving-endpoints/{name}/served-models/{served_model}/invocations";

  private EndpointNames() {}

  /**
   * Throws {@link InvalidRequestException} naming {@code argument} unless {@code name} is 1 to 63
   * characters, not blank and not a dot segment.
   */
  public static String check(String name, String argument) {
    return Args.id(name, argument, MAX_LENGTH);
  }
}

package dev.kiln.serving.internal;

import dev.kiln.core.ApiRequest;
import dev.kiln.core.error.InvalidRequestException;

/** The one place that knows what a serving endpoint name may be and how it appears in paths. */
public final class EndpointNames {
  public static final int MAX_LENGTH = 63;

  private EndpointNames() {}

  /** Throws {@link InvalidRequestException} unless {@code name} has 1 to 63 characters. */
  public static String check(String name) {
    if (name == null || name.isEmpty()) {
      throw new InvalidRequestException("a serving endpoint name must not be empty");
    }
    if (name.length() > MAX_LENGTH) {
      throw new InvalidRequestException("serving endpoint name '" + name.substring(0, 20) + "…' has "
          + name.length() + " characters; at most " + MAX_LENGTH + " are allowed");
    }
    return name;
  }

  /** {@code /api/2.0/serving-endpoints/{name}} (control plane). */
  public static String endpointPath(String name) {
    return "/api/2.0/serving-endpoints/" + ApiRequest.segment(check(name));
  }

  /** {@code /serving-endpoints/{name}/invocations}: the data plane has no {@code /api} prefix. */
  public static String invocationsPath(String name) {
    return "/serving-endpoints/" + ApiRequest.segment(check(name)) + "/invocations";
  }
}

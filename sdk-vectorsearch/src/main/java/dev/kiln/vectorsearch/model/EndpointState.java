package dev.kiln.vectorsearch.model;

import dev.kiln.core.spi.WireEnums;

/**
 * Lifecycle state of a Vector Search endpoint.
 * {@link #UNKNOWN} stands for a value this SDK does not know yet; the model keeps the raw string.
 */
public enum EndpointState {
  /** The endpoint's compute is being set up; it cannot serve indexes yet. */
  PROVISIONING,
  /** The endpoint is up and serves its indexes. */
  ONLINE,
  /** The endpoint is down; its indexes cannot be queried. */
  OFFLINE,
  /**
   * The endpoint is up but degraded: some of its capacity is unhealthy, and queries may be slow or
   * fail.
   */
  YELLOW_STATE,
  /** The endpoint is unhealthy and likely fails queries. */
  RED_STATE,
  /** The endpoint has been deleted. */
  DELETED,
  /** A state this SDK does not know, or none was sent. */
  UNKNOWN;

  /** The constant for a wire value; {@link #UNKNOWN} for null or unrecognised values. */
  public static EndpointState fromWire(String raw) {
    return WireEnums.parse(EndpointState.class, raw, UNKNOWN);
  }
}

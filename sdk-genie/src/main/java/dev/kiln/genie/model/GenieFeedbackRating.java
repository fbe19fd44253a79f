package dev.kiln.genie.model;

import dev.kiln.core.spi.WireEnums;

/** A user's rating of a Genie answer; {@link #NONE} clears an earlier rating. */
public enum GenieFeedbackRating {
  /** Thumbs up: the answer was helpful. */
  POSITIVE,
  /** Thumbs down: the answer was wrong or unhelpful. */
  NEGATIVE,
  /** No rating; sending it removes an earlier rating. */
  NONE,
  /** A rating this SDK version does not know; the raw text is in {@link GenieFeedback#rawRating()}. Never sent. */
  UNKNOWN;

  /** The constant for the server's text, {@link #UNKNOWN} for null or unrecognised text. */
  public static GenieFeedbackRating fromWire(String raw) {
    return WireEnums.parse(GenieFeedbackRating.class, raw, UNKNOWN);
  }
}

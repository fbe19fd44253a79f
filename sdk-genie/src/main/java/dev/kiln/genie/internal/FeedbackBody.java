package dev.kiln.genie.internal;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code {rating, comment}} of send-feedback; a null comment is left out. */
final class FeedbackBody {
  @JsonProperty("rating")
  final String rating;

  @JsonProperty("comment")
  final String comment;

  FeedbackBody(String rating, String comment) {
    this.rating = rating;
    this.comment = comment;
  }
}

package dev.kiln.genie.model;

/** Which part an attachment carries. */
public enum GenieAttachmentKind {
  /** Part of Genie's written answer: {@link GenieAttachment#text()} is present. */
  TEXT,
  /**
   * A generated query: {@link GenieAttachment#query()} is present, and the attachment id addresses
   * its result.
   */
  QUERY,
  /**
   * Follow-up questions Genie proposes: {@link GenieAttachment#suggestedQuestions()} is present.
   */
  SUGGESTED_QUESTIONS,
  /** A kind this SDK version does not know; its JSON is in {@link GenieAttachment#otherParts()}. */
  UNKNOWN
}

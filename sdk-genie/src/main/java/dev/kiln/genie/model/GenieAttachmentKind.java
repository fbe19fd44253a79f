package dev.kiln.genie.model;

/** Which part an attachment carries. */
public enum GenieAttachmentKind {
  TEXT,
  QUERY,
  SUGGESTED_QUESTIONS,
  /** A kind this SDK version does not know; its JSON is in {@link GenieAttachment#otherParts()}. */
  UNKNOWN
}

package dev.kiln.files.model;

/**
 * The format of a workspace import or export ({@code format}, case-sensitive on the wire).
 * {@link #SOURCE} of a notebook needs a {@link Language} on import; {@link #AUTO} picks the format
 * from the content (import) or the object (export); {@link #RAW} is a plain file.
 */
public enum ExportFormat {
  SOURCE,
  HTML,
  JUPYTER,
  DBC,
  R_MARKDOWN,
  AUTO,
  RAW
}

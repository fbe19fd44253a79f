package dev.kiln.files.model;

/**
 * The format of a workspace import or export ({@code format}, case-sensitive on the wire).
 * {@link #SOURCE} of a notebook needs a {@link Language} on import; {@link #AUTO} picks the format
 * from the content (import) or the object (export); {@link #RAW} is a plain file.
 */
public enum ExportFormat {
  /**
   * The source code ({@code .py}, {@code .scala}, {@code .sql}, {@code .r}); a notebook import
   * needs a language.
   */
  SOURCE,
  /** An HTML page of the notebook (export, or import of an exported page). */
  HTML,
  /** A Jupyter notebook ({@code .ipynb}). */
  JUPYTER,
  /** A Databricks archive ({@code .dbc}), which may hold a whole directory. */
  DBC,
  /** R Markdown ({@code .Rmd}), for R notebooks. */
  R_MARKDOWN,
  /** Let the service decide: from the content on import, from the object on export. */
  AUTO,
  /** A plain workspace file, its bytes as they are. */
  RAW
}

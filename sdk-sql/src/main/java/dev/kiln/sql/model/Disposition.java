package dev.kiln.sql.model;

/** Where result chunks are delivered: in the API responses, or as presigned download links. */
public enum Disposition {
  /** In the response bodies; at most 25 MiB in total, JSON_ARRAY only. */
  INLINE,
  /** Presigned URLs, one per chunk; up to 100 GiB; any format. */
  EXTERNAL_LINKS
}

package dev.kiln.emulator.internal;

/** The {@code format} of a statement's result. */
enum ResultFormat {
  JSON_ARRAY,
  ARROW_STREAM,
  CSV
}

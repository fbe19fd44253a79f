package dev.kiln.emulator.internal;

/** The {@code result_compression} of a statement's EXTERNAL_LINKS chunks. */
enum ResultCompression {
  NONE,
  LZ4_FRAME
}

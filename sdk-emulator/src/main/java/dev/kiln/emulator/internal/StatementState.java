package dev.kiln.emulator.internal;

/** Statement states as the API spells them. */
enum StatementState {
  PENDING,
  RUNNING,
  SUCCEEDED,
  FAILED,
  CANCELED,
  CLOSED;

  boolean isTerminal() {
    return this != PENDING && this != RUNNING;
  }
}

package dev.kiln.emulator.internal;

/** {@code life_cycle_state} of emulated runs and task runs, with the 2.2 {@code status.state} each maps to. */
enum RunLifeCycle {
  QUEUED("QUEUED"),
  PENDING("PENDING"),
  BLOCKED("BLOCKED"),
  RUNNING("RUNNING"),
  TERMINATING("TERMINATING"),
  TERMINATED("TERMINATED"),
  SKIPPED("TERMINATED"),
  INTERNAL_ERROR("TERMINATED");

  final String statusState;

  RunLifeCycle(String statusState) {
    this.statusState = statusState;
  }

  boolean isTerminal() {
    return this == TERMINATED || this == SKIPPED || this == INTERNAL_ERROR;
  }

  boolean isActive() {
    return this == PENDING || this == RUNNING || this == TERMINATING || this == BLOCKED;
  }
}

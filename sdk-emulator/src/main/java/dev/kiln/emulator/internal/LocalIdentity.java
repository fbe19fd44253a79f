package dev.kiln.emulator.internal;

/** The one user the local workspace knows: the owner of everything it creates. */
final class LocalIdentity {
  static final String USER_NAME = "kiln@localhost";
  static final long USER_ID = 1_000_000_001L;

  private LocalIdentity() {}
}

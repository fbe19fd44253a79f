package dev.kiln.emulator;

/** A fault that {@link Faults#inject} installed. */
public interface InjectedFault {
  /** The fault as it was injected. */
  Fault fault();

  /** How many requests it has fired for so far. */
  int hits();

  /** Whether it still fires: not removed and not used up. */
  boolean isActive();

  /** Stops it firing. */
  void remove();
}

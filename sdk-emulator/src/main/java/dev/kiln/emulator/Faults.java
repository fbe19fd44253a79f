package dev.kiln.emulator;

/**
 * Faults on demand for one {@link LocalWorkspace}: see {@link Fault} for what can be injected. Thread-safe;
 * faults apply to requests that arrive after {@link #inject} returns.
 */
public interface Faults {
  /** Starts injecting {@code fault}; it stays until it has fired {@link Fault#times()} times or is removed. */
  InjectedFault inject(Fault fault);

  /** Removes every injected fault. */
  void clear();

  /**
   * Makes every external link issued so far expire now: downloads answer 403 like cloud storage does, and
   * fetching the chunk again returns a fresh link.
   */
  void expireExternalLinksNow();
}

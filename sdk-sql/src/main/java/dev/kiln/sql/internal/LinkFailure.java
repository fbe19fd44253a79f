package dev.kiln.sql.internal;

/**
 * A download that a fresh link may fix (expired or rejected link, body cut short); carries the
 * real failure, which surfaces once the refreshes are used up.
 */
final class LinkFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  LinkFailure(Throwable cause) {
    super(cause.getMessage(), cause, false, false);
  }
}

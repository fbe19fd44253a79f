package dev.kiln.core.auth;

import java.net.URI;
import java.util.function.Consumer;

/**
 * Shows the user the sign-in page of the {@code external-browser} login. Tests inject one that
 * follows the page's redirect themselves.
 */
@FunctionalInterface
public interface Browser {
  /**
   * Shows {@code url}, the identity provider's sign-in page with the redirect to Kiln's local
   * listener. Returns without waiting for the user.
   */
  void open(URI url);

  /**
   * Opens the system browser through {@code java.awt.Desktop} when the JVM has a desktop, else
   * prints the URL on standard error for the user to open. Found by reflection: Kiln does not
   * require the {@code java.desktop} module.
   */
  static Browser system() {
    return url -> {
      if (!DesktopBrowser.tryOpen(url)) {
        printing(System.err::println).open(url);
      }
    };
  }

  /** Prints the URL with a line asking the user to open it. */
  static Browser printing(Consumer<String> out) {
    return url -> out.accept("Open this URL in a browser to sign in to Databricks:\n" + url);
  }
}

package dev.kiln.core.auth;

import java.lang.reflect.Method;
import java.net.URI;

/** {@code java.awt.Desktop.getDesktop().browse(url)} when that module and a desktop are there. */
final class DesktopBrowser {
  private DesktopBrowser() {}

  static boolean tryOpen(URI url) {
    try {
      Class<?> graphics = Class.forName("java.awt.GraphicsEnvironment");
      if ((Boolean) graphics.getMethod("isHeadless").invoke(null)) {
        return false;
      }
      Class<?> desktop = Class.forName("java.awt.Desktop");
      if (!(Boolean) desktop.getMethod("isDesktopSupported").invoke(null)) {
        return false;
      }
      Object d = desktop.getMethod("getDesktop").invoke(null);
      Class<?> action = Class.forName("java.awt.Desktop$Action");
      @SuppressWarnings({"unchecked", "rawtypes"})
      Object browse = Enum.valueOf((Class) action, "BROWSE");
      if (!(Boolean) desktop.getMethod("isSupported", action).invoke(d, browse)) {
        return false;
      }
      Method m = desktop.getMethod("browse", URI.class);
      m.invoke(d, url);
      return true;
    } catch (ReflectiveOperationException | LinkageError | RuntimeException noDesktop) {
      return false; // no java.desktop module, or no way to open a browser here
    }
  }
}

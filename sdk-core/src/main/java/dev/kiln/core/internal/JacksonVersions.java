package dev.kiln.core.internal;

import com.fasterxml.jackson.core.Version;
import dev.kiln.core.error.ConfigurationException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks, when a client is created, that the Jackson on the class path is one Kiln supports, so
 * that an application pinned to an old Jackson fails with a message naming both versions instead
 * of a {@code NoSuchFieldError} in the middle of a call. Uses only API present in every Jackson 2.x.
 */
public final class JacksonVersions {
  private static final Logger LOG = LoggerFactory.getLogger(JacksonVersions.class);

  /**
   * The oldest supported minor line: the Jackson many platforms still pin, and the one the official
   * Databricks SDK runs on. Keep equal to the parent pom's jackson-floor profile (2.12.x).
   */
  public static final int MIN_MAJOR = 2;
  public static final int MIN_MINOR = 12;

  private static volatile boolean checked;

  private JacksonVersions() {}

  /** Checks the Jackson this JVM loaded, once; throws {@link ConfigurationException} if it is too old. */
  public static void requireSupported() {
    if (checked) {
      return;
    }
    List<String> warnings = check(
        found(() -> com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION),
        found(() -> com.fasterxml.jackson.core.json.PackageVersion.VERSION),
        found(() -> com.fasterxml.jackson.datatype.jsr310.PackageVersion.VERSION),
        found(() -> com.fasterxml.jackson.datatype.jdk8.PackageVersion.VERSION));
    warnings.forEach(LOG::warn);
    checked = true;
  }

  /**
   * Throws when databind, core or a datatype module is older than 2.12 or missing, or when core is
   * older than databind (databind calls core API of its own minor version). Returns warnings for
   * datatype modules of another minor version than databind, which usually work but are untested.
   * A {@code null} version means the jar is not on the class path; an unknown version (a jar built
   * without version data) passes.
   */
  static List<String> check(Version databind, Version core, Version javaTime, Version jdk8) {
    List<String> problems = new ArrayList<>();
    tooOld("jackson-databind", databind, problems);
    tooOld("jackson-core", core, problems);
    tooOld("jackson-datatype-jsr310", javaTime, problems);
    tooOld("jackson-datatype-jdk8", jdk8, problems);
    if (problems.isEmpty() && known(databind) && known(core) && minorLine(core) < minorLine(databind)) {
      problems.add("jackson-core " + core + " is older than jackson-databind " + databind);
    }
    if (!problems.isEmpty()) {
      throw new ConfigurationException("Kiln needs Jackson " + MIN_MAJOR + "." + MIN_MINOR + " or newer, with every "
          + "Jackson artifact on one version; found: " + String.join("; ", problems) + ". Fix: import "
          + "com.fasterxml.jackson:jackson-bom " + MIN_MAJOR + "." + MIN_MINOR + ".x or newer in <dependencyManagement> "
          + "(Gradle: implementation(platform(\"com.fasterxml.jackson:jackson-bom:<version>\"))), "
          + "or remove the pin that holds Jackson back.");
    }
    List<String> warnings = new ArrayList<>();
    sameLine("jackson-datatype-jsr310", javaTime, databind, warnings);
    sameLine("jackson-datatype-jdk8", jdk8, databind, warnings);
    return Collections.unmodifiableList(warnings);
  }

  private static void tooOld(String artifact, Version v, List<String> problems) {
    if (v == null) {
      problems.add(artifact + " is not on the class path");
    } else if (known(v) && minorLine(v) < MIN_MAJOR * 1000 + MIN_MINOR) {
      problems.add(artifact + " " + v);
    }
  }

  private static void sameLine(String artifact, Version module, Version databind, List<String> warnings) {
    if (known(module) && known(databind) && minorLine(module) != minorLine(databind)) {
      warnings.add(artifact + " " + module + " does not match jackson-databind " + databind
          + "; align Jackson artifacts with com.fasterxml.jackson:jackson-bom");
    }
  }

  private static boolean known(Version v) {
    return v != null && !v.isUnknownVersion();
  }

  /** Major and minor as one comparable number (Version.compareTo also compares the artifact names). */
  private static int minorLine(Version v) {
    return v.getMajorVersion() * 1000 + v.getMinorVersion();
  }

  private static Version found(Supplier<Version> packageVersion) {
    try {
      return packageVersion.get();
    } catch (NoClassDefFoundError missing) {
      return null;
    }
  }
}

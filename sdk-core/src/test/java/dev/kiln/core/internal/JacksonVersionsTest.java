package dev.kiln.core.internal;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.Version;
import dev.kiln.core.error.ConfigurationException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Jackson version check, fed versions directly; CI also runs it on the 2.12 floor. */
class JacksonVersionsTest {
  private static Version v(int major, int minor, int patch) {
    return new Version(major, minor, patch, null, "com.fasterxml.jackson.core", "jackson-databind");
  }

  @Test
  void theJacksonOnThisClassPathIsSupported() {
    assertDoesNotThrow(JacksonVersions::requireSupported);
  }

  @Test
  void theFloorAndNewerPass() {
    assertEquals(List.of(), JacksonVersions.check(v(2, 12, 0), v(2, 12, 0), v(2, 12, 0), v(2, 12, 0)));
    assertEquals(List.of(), JacksonVersions.check(v(2, 20, 1), v(2, 20, 1), v(2, 20, 1), v(2, 20, 1)));
    assertEquals(List.of(), JacksonVersions.check(v(2, 13, 4), v(2, 13, 5), v(2, 13, 5), v(2, 13, 5)),
        "patch levels may differ");
  }

  @Test
  void anOlderDatabindFailsNamingFoundAndRequiredVersionsAndTheFix() {
    ConfigurationException e = assertThrows(ConfigurationException.class,
        () -> JacksonVersions.check(v(2, 11, 4), v(2, 11, 4), v(2, 11, 4), v(2, 11, 4)));
    String m = e.getMessage();
    assertTrue(m.contains("Kiln needs Jackson 2.12 or newer"), m);
    assertTrue(m.contains("jackson-databind 2.11.4"), m);
    assertTrue(m.contains("jackson-core 2.11.4"), m);
    assertTrue(m.contains("jackson-datatype-jsr310 2.11.4"), m);
    assertTrue(m.contains("com.fasterxml.jackson:jackson-bom 2.12.x or newer in <dependencyManagement>"), m);
  }

  @Test
  void onlyTheArtifactsThatAreTooOldAreNamed() {
    String m = assertThrows(ConfigurationException.class,
        () -> JacksonVersions.check(v(2, 15, 4), v(2, 15, 4), v(2, 11, 0), v(2, 15, 4))).getMessage();
    assertTrue(m.contains("jackson-datatype-jsr310 2.11.0"), m);
    assertFalse(m.contains("jackson-databind 2.15.4"), m);
    assertFalse(m.contains("jackson-datatype-jdk8"), m);
  }

  @Test
  void aCoreOlderThanDatabindFails() {
    String m = assertThrows(ConfigurationException.class,
        () -> JacksonVersions.check(v(2, 17, 0), v(2, 14, 3), v(2, 17, 0), v(2, 17, 0))).getMessage();
    assertTrue(m.contains("jackson-core 2.14.3 is older than jackson-databind 2.17.0"), m);
    assertEquals(List.of(), JacksonVersions.check(v(2, 15, 0), v(2, 17, 0), v(2, 15, 0), v(2, 15, 0)),
        "a core newer than databind is fine");
  }

  @Test
  void aMissingDatatypeModuleFails() {
    String m = assertThrows(ConfigurationException.class,
        () -> JacksonVersions.check(v(2, 17, 0), v(2, 17, 0), null, v(2, 17, 0))).getMessage();
    assertTrue(m.contains("jackson-datatype-jsr310 is not on the class path"), m);
  }

  @Test
  void aDatatypeModuleOfAnotherMinorOnlyWarns() {
    List<String> warnings = JacksonVersions.check(v(2, 17, 0), v(2, 17, 0), v(2, 17, 0), v(2, 14, 2));
    assertEquals(1, warnings.size(), warnings.toString());
    assertTrue(warnings.get(0).startsWith("jackson-datatype-jdk8 2.14.2 does not match jackson-databind 2.17.0"),
        warnings.get(0));
  }

  @Test
  void anUnknownVersionIsNotHeldAgainstTheJar() {
    Version unknown = Version.unknownVersion();
    assertEquals(List.of(), JacksonVersions.check(unknown, unknown, unknown, unknown));
  }
}

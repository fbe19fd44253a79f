package dev.kiln.serving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.serving.model.ChatMessage;
import java.io.File;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The {@code *Def} definitions are not API: package-private, with the generated immutables public. */
class ModelVisibilityTest {
  @Test
  void everyDefIsPackagePrivateAndItsImmutableIsPublic() throws Exception {
    File models = new File(new File(ChatMessage.class.getProtectionDomain().getCodeSource().getLocation().toURI()),
        "dev/kiln/serving/model");
    List<String> defs = new ArrayList<>();
    for (String file : models.list()) {
      if (file.endsWith("Def.class")) {
        defs.add(file.substring(0, file.length() - ".class".length()));
      }
    }
    assertEquals(32, defs.size(), defs.toString());
    for (String def : defs) {
      Class<?> definition = Class.forName("dev.kiln.serving.model." + def);
      Class<?> immutable = Class.forName("dev.kiln.serving.model." + def.substring(0, def.length() - "Def".length()));
      assertFalse(Modifier.isPublic(definition.getModifiers()), def + " is public");
      assertTrue(Modifier.isPublic(immutable.getModifiers()), immutable + " is not public");
      assertEquals(definition, immutable.getSuperclass());
    }
  }
}

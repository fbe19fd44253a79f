package dev.kiln.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ConfiguredExtensionTest {
  @RegisterExtension
  static final LocalWorkspaceExtension WORKSPACE =
      LocalWorkspaceExtension.configured(builder -> builder.chunkRowCount(1).token("dapi-fixed-for-test"));

  @Test
  void theBuilderConfigurationApplies(LocalWorkspace ws) {
    assertEquals("dapi-fixed-for-test", ws.token());
    JsonNode response = new Wire(ws).execute(Wire.statement(ws, "SELECT id FROM range(3)"));
    assertEquals(3, response.at("/manifest/total_chunk_count").asInt());
  }
}

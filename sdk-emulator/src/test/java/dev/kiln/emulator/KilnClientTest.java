package dev.kiln.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.core.ApiRequest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The workspace's own {@link LocalWorkspace#client()} talks to it, and sees injected faults. */
class KilnClientTest {
  @Test
  void theConfiguredClientRetriesAnInjected429() {
    try (LocalWorkspace ws = LocalWorkspace.start()) {
      InjectedFault fault =
          ws.faults().inject(Fault.tooManyRequests(Duration.ZERO).on("GET", "/api/2.0/sql/warehouses").times(2));

      JsonNode warehouses = ws.client().call(ApiRequest.get("/api/2.0/sql/warehouses").build(), JsonNode.class);

      assertEquals(ws.defaultWarehouseId(), warehouses.at("/warehouses/0/id").asText());
      assertEquals(2, fault.hits());
    }
  }
}

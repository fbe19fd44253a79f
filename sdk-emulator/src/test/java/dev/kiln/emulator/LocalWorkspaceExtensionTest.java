package dev.kiln.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.kiln.core.DatabricksClient;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LocalWorkspaceExtension.class)
class LocalWorkspaceExtensionTest {
  static final List<String> HOSTS = new CopyOnWriteArrayList<>();

  LocalWorkspace seeded;

  @BeforeEach
  void seed(LocalWorkspace ws) {
    seeded = ws;
    HOSTS.add(ws.host());
    ws.sql().execute("CREATE TABLE t AS SELECT * FROM range(3)"); // fails if a workspace were reused
  }

  @Test
  void theTestGetsTheWorkspaceItsBeforeEachSeeded(LocalWorkspace ws, DatabricksClient client) {
    assertSame(seeded, ws);
    assertSame(ws.client(), client);
    assertEquals(URI.create(ws.host()), URI.create(client.host().toString()));
    assertEquals(3, ws.sql().query("SELECT * FROM t").size());
  }

  @Test
  void eachTestGetsAFreshWorkspace(LocalWorkspace ws) {
    assertSame(seeded, ws);
    assertEquals(3L, ws.sql().query("SELECT COUNT(*) AS c FROM t").get(0).get("c"));
  }

  @AfterAll
  static void workspacesAreClosedAfterTheirTest() {
    assertEquals(2, HOSTS.stream().distinct().count());
    for (String host : HOSTS) {
      URI uri = URI.create(host);
      assertThrows(IOException.class, () -> {
        try (Socket socket = new Socket()) {
          socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 1000);
        }
      });
    }
  }
}

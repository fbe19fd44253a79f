package dev.kiln.emulator.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;

class FileStorageTest {
  @Test
  void theTemporaryDirectoryIsDeletedWithEverythingInItOnClose() {
    FileStorage storage = new FileStorage(Clock.systemUTC());
    Path root = storage.root();
    storage.dbfs.write(storage.dbfs.resolve("/a/b/c.txt"), "x".getBytes(StandardCharsets.UTF_8));
    storage.volumes.write(storage.volumes.resolve("/c/s/v/f"), new byte[10]);
    assertTrue(Files.exists(root.resolve("dbfs/a/b/c.txt")));
    storage.close();
    assertFalse(Files.exists(root));
  }

  @Test
  void theWorkspaceTreeFindsNotebooksByPathWithOrWithoutTheWorkspacePrefix() {
    try (FileStorage storage = new FileStorage(Clock.systemUTC())) {
      WorkspaceTree tree = new WorkspaceTree(storage.workspace, Clock.systemUTC());
      tree.addNotebook("/Workspace/Users/etl/bronze", "SQL", "SELECT 1");
      Notebook nb = tree.notebook("/Users/etl/bronze").orElseThrow();
      assertEquals("SQL", nb.language());
      assertEquals("SELECT 1", nb.source());
      assertEquals("/Users/etl/bronze", tree.notebook("/Workspace/Users/etl/bronze").orElseThrow().path());
      assertTrue(tree.notebook("/Users/etl").isEmpty(), "a folder is not a notebook");
      assertTrue(tree.notebook("/Users/etl/none").isEmpty());
      assertTrue(tree.notebook("relative").isEmpty());
    }
  }
}

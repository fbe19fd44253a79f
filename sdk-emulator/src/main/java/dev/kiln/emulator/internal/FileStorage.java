package dev.kiln.emulator.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/**
 * The temporary directory that holds one workspace's files: DBFS, the workspace tree and the volumes, each its
 * own {@link FileArea}. Created when the workspace starts, deleted with everything in it on {@link #close()}.
 */
final class FileStorage implements AutoCloseable {
  private final Path root;
  final FileArea dbfs;
  final FileArea workspace;
  final FileArea volumes;
  /** DBFS uploads in progress ({@code create}/{@code add-block}) before {@code close} moves them in place. */
  final Path staging;

  FileStorage(Clock clock) {
    try {
      this.root = Files.createTempDirectory("kiln-workspace-files-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.dbfs = new FileArea(root.resolve("dbfs"), clock);
    this.workspace = new FileArea(root.resolve("workspace"), clock);
    this.volumes = new FileArea(root.resolve("volumes"), clock);
    this.staging = root.resolve("staging");
    dbfs.mkdirs(staging);
  }

  Path root() {
    return root;
  }

  @Override
  public void close() {
    FileArea.deleteTree(root);
  }
}

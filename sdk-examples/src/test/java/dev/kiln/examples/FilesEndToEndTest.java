package dev.kiln.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.core.error.BadRequestException;
import dev.kiln.core.error.DatabricksServiceException;
import dev.kiln.core.error.InvalidRequestException;
import dev.kiln.core.error.NotFoundException;
import dev.kiln.core.error.ResourceAlreadyExistsException;
import dev.kiln.core.error.ResourceDoesNotExistException;
import dev.kiln.emulator.Fault;
import dev.kiln.emulator.InjectedFault;
import dev.kiln.emulator.LocalWorkspace;
import dev.kiln.files.DbfsClient;
import dev.kiln.files.VolumeFilesClient;
import dev.kiln.files.WorkspaceFilesClient;
import dev.kiln.files.model.DbfsFileInfo;
import dev.kiln.files.model.DirectoryEntry;
import dev.kiln.files.model.ExportFormat;
import dev.kiln.files.model.Language;
import dev.kiln.files.model.ObjectType;
import dev.kiln.files.model.WorkspaceObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The three files clients against the local workspace, end to end. */
class FilesEndToEndTest {
  private static final int MB = 1 << 20;
  static LocalWorkspace ws;
  static DbfsClient dbfs;
  static WorkspaceFilesClient workspace;
  static VolumeFilesClient volumes;

  @BeforeAll
  static void start() {
    ws = LocalWorkspace.start();
    dbfs = DbfsClient.create(ws.client());
    workspace = WorkspaceFilesClient.create(ws.client());
    volumes = VolumeFilesClient.create(ws.client());
  }

  @AfterAll
  static void stop() {
    ws.close();
  }

  private static byte[] data(int n, int seed) {
    byte[] b = new byte[n];
    for (int i = 0; i < n; i++) {
      b[i] = (byte) (i * 31 + seed + (i >> 13));
    }
    return b;
  }

  @Test
  void dbfsWritesAndReadsAMultiMegabyteFileThroughBlocks() throws IOException {
    byte[] file = data(3 * MB + 99, 1);
    assertEquals(file.length, dbfs.write("dbfs:/e2e/in/big.bin", new ByteArrayInputStream(file), false));
    assertThrows(ResourceAlreadyExistsException.class, () -> dbfs.write("/e2e/in/big.bin", InputStream.nullInputStream(), false));
    DbfsFileInfo status = dbfs.getStatus("/e2e/in/big.bin");
    assertEquals(file.length, status.fileSize());
    try (InputStream in = dbfs.read("/e2e/in/big.bin")) {
      assertArrayEquals(file, in.readAllBytes());
    }
    dbfs.put("/e2e/in/small.txt", "hi".getBytes(StandardCharsets.UTF_8), false);
    List<String> paths = dbfs.list("/e2e", true).stream().map(DbfsFileInfo::path).collect(Collectors.toList());
    assertEquals(List.of("/e2e/in", "/e2e/in/big.bin", "/e2e/in/small.txt"), paths);
    dbfs.move("/e2e/in", "/e2e/out");
    assertThrows(ResourceDoesNotExistException.class, () -> dbfs.getStatus("/e2e/in"));
    assertThrows(DatabricksServiceException.class, () -> dbfs.delete("/e2e", false)); // IO_ERROR: not empty
    dbfs.delete("/e2e", true);
    assertThrows(ResourceDoesNotExistException.class, () -> dbfs.getStatus("/e2e"));
    assertThrows(InvalidRequestException.class, () -> dbfs.put("/e2e/x", new byte[MB + 1], true));
  }

  @Test
  void workspaceImportsListsExportsAndDeletesNotebooks() throws IOException {
    String source = "# Databricks notebook source\nprint('bronze ingestion')\n";
    workspace.mkdirs("/Workspace/Users/etl@bir.gov.ph/month-end");
    workspace.importFile("/Users/etl@bir.gov.ph/month-end/bronze_ingestion", ExportFormat.SOURCE, Language.PYTHON,
        source.getBytes(StandardCharsets.UTF_8), false);
    workspace.importFile("/Users/etl@bir.gov.ph/month-end/rates.csv", ExportFormat.RAW, null,
        new ByteArrayInputStream("a,b\n".getBytes(StandardCharsets.UTF_8)), false);
    assertThrows(ResourceAlreadyExistsException.class, () -> workspace.importFile(
        "/Users/etl@bir.gov.ph/month-end/bronze_ingestion", ExportFormat.SOURCE, Language.PYTHON, new byte[1], false));

    List<WorkspaceObject> all = workspace.list("/Users/etl@bir.gov.ph", true).stream().collect(Collectors.toList());
    assertEquals(List.of("/Users/etl@bir.gov.ph/month-end", "/Users/etl@bir.gov.ph/month-end/bronze_ingestion",
        "/Users/etl@bir.gov.ph/month-end/rates.csv"), all.stream().map(WorkspaceObject::path).collect(Collectors.toList()));
    WorkspaceObject nb = workspace.getStatus("/Users/etl@bir.gov.ph/month-end/bronze_ingestion");
    assertEquals(ObjectType.NOTEBOOK, nb.objectType());
    assertEquals(Language.PYTHON, nb.language().orElseThrow());
    assertEquals(4, workspace.getStatus("/Users/etl@bir.gov.ph/month-end/rates.csv").size().orElseThrow());

    assertEquals(source, new String(workspace.export("/Users/etl@bir.gov.ph/month-end/bronze_ingestion", ExportFormat.SOURCE),
        StandardCharsets.UTF_8));
    try (InputStream in = workspace.exportStream("/Users/etl@bir.gov.ph/month-end/bronze_ingestion", ExportFormat.JUPYTER)) {
      assertTrue(new String(in.readAllBytes(), StandardCharsets.UTF_8).contains("bronze ingestion"));
    }
    BadRequestException notEmpty = assertThrows(BadRequestException.class,
        () -> workspace.delete("/Users/etl@bir.gov.ph/month-end", false));
    assertEquals("DIRECTORY_NOT_EMPTY", notEmpty.errorCode());
    workspace.delete("/Users/etl@bir.gov.ph/month-end", true);
    assertTrue(workspace.list("/Users/etl@bir.gov.ph").stream().findAny().isEmpty());
  }

  @Test
  void volumesUploadDownloadAndResumeADroppedDownloadWithRange() throws IOException {
    byte[] file = data(5 * MB + 3, 7);
    String path = "/Volumes/main/bir/landing/e2e/withholding.bin";
    volumes.upload(path, new ByteArrayInputStream(file), false);
    assertThrows(DatabricksServiceException.class, () -> volumes.upload(path, new ByteArrayInputStream(new byte[1]), false));
    assertEquals(file.length, volumes.getMetadata(path).contentLength());

    InjectedFault reset = ws.faults().inject(Fault.resetMidBody().on("GET", "/api/2.0/fs/files/Volumes/main/bir/landing/e2e/").times(1));
    try (InputStream in = volumes.download(path)) {
      assertArrayEquals(file, in.readAllBytes());
    }
    assertEquals(1, reset.hits(), "the first download was cut off and resumed");

    volumes.createDirectory("/Volumes/main/bir/landing/e2e/sub");
    VolumeFilesClient paged = VolumeFilesClient.create(ws.client(),
        dev.kiln.files.FilesOptions.builder().directoryPageSize(1).build());
    List<String> names = paged.list("/Volumes/main/bir/landing/e2e").stream()
        .map(e -> e.name().orElseThrow()).collect(Collectors.toList());
    assertEquals(List.of("sub", "withholding.bin"), names);
    assertTrue(volumes.directoryExists("/Volumes/main/bir/landing/e2e/sub"));
    assertThrows(DatabricksServiceException.class, () -> volumes.deleteDirectory("/Volumes/main/bir/landing/e2e"));
    volumes.delete(path);
    volumes.deleteDirectory("/Volumes/main/bir/landing/e2e/sub");
    assertFalse(volumes.directoryExists("/Volumes/main/bir/landing/e2e/sub"));
    assertThrows(NotFoundException.class, () -> volumes.download(path));
    List<DirectoryEntry> left = volumes.list("/Volumes/main/bir/landing/e2e").stream().collect(Collectors.toList());
    assertTrue(left.isEmpty(), left.toString());
  }
}

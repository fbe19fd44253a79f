package dev.kiln.files;

import static dev.kiln.core.testing.Wire.expectGet;
import static dev.kiln.core.testing.Wire.expectJsonPost;
import static dev.kiln.core.testing.Wire.ok;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.core.error.InvalidRequestException;
import dev.kiln.core.error.ResourceDoesNotExistException;
import dev.kiln.core.testing.Wire;
import dev.kiln.files.model.ExportFormat;
import dev.kiln.files.model.Language;
import dev.kiln.files.model.ObjectType;
import dev.kiln.files.model.WorkspaceObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceFilesClientTest extends FilesTestBase {
  private static final String NOTEBOOK = "# Databricks notebook source\nprint('bronze')\n";

  private static String b64(String s) {
    return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aRecursiveListingWalksDirectoriesAndReposAndReadsEmptyDirectoriesAsEmpty() {
    server.enqueue(ok("{'objects': [{'path': '/Users/me/etl', 'object_type': 'DIRECTORY', 'object_id': 1},"
        + " {'path': '/Users/me/nb', 'object_type': 'NOTEBOOK', 'language': 'PYTHON', 'object_id': 2},"
        + " {'path': '/Users/me/q', 'object_type': 'QUERY_V3', 'object_id': 3}]}"));
    server.enqueue(ok("{}"));
    List<WorkspaceObject> all = workspace.list("/Workspace/Users/me", true).stream().collect(Collectors.toList());
    assertEquals(3, all.size());
    assertEquals(ObjectType.NOTEBOOK, all.get(1).objectType());
    assertEquals(Language.PYTHON, all.get(1).language().orElseThrow());
    assertEquals(ObjectType.UNKNOWN, all.get(2).objectType());
    assertEquals("QUERY_V3", all.get(2).rawObjectType().orElseThrow(), "the raw value is kept");
    expectGet(server, "/api/2.0/workspace/list?path=%2FWorkspace%2FUsers%2Fme");
    expectGet(server, "/api/2.0/workspace/list?path=%2FUsers%2Fme%2Fetl");
  }

  @Test
  void getStatusMkdirsAndDelete() {
    server.enqueue(ok("{'path': '/Users/me/f.csv', 'object_type': 'FILE', 'size': 12, 'created_at': 1, 'modified_at': 2}"));
    WorkspaceObject f = workspace.getStatus("/Users/me/f.csv");
    assertEquals(12, f.size().orElseThrow());
    assertFalse(f.isDirectory());
    expectGet(server, "/api/2.0/workspace/get-status?path=%2FUsers%2Fme%2Ff.csv");

    server.enqueue(ok("{}"));
    workspace.mkdirs("/Users/me/etl");
    expectJsonPost(server, "/api/2.0/workspace/mkdirs", "{'path': '/Users/me/etl'}");

    server.enqueue(ok("{}"));
    workspace.delete("/Users/me/etl", true);
    expectJsonPost(server, "/api/2.0/workspace/delete", "{'path': '/Users/me/etl', 'recursive': true}");

    server.enqueue(Wire.error(404, "{'error_code': 'RESOURCE_DOES_NOT_EXIST', 'message': 'Path does not exist'}"));
    assertThrows(ResourceDoesNotExistException.class, () -> workspace.getStatus("/Users/nobody"));
  }

  @Test
  void importSendsBase64ContentWithFormatAndLanguageFromBytesPathsAndStreams(@TempDir Path dir) throws IOException {
    server.enqueue(ok("{}"));
    workspace.importFile("/Users/me/bronze", ExportFormat.SOURCE, Language.PYTHON, NOTEBOOK.getBytes(StandardCharsets.UTF_8), true);
    expectJsonPost(server, "/api/2.0/workspace/import", "{'path': '/Users/me/bronze', 'format': 'SOURCE', 'language': 'PYTHON',"
        + " 'content': '" + b64(NOTEBOOK) + "', 'overwrite': true}");

    Path local = dir.resolve("rates.csv");
    Files.writeString(local, "a,b\n1,2\n");
    server.enqueue(ok("{}"));
    workspace.importFile("/Users/me/rates.csv", ExportFormat.AUTO, null, local, false);
    expectJsonPost(server, "/api/2.0/workspace/import", "{'path': '/Users/me/rates.csv', 'format': 'AUTO',"
        + " 'content': '" + b64("a,b\n1,2\n") + "', 'overwrite': false}");

    server.enqueue(ok("{}"));
    workspace.importFile("/Users/me/q.sql", ExportFormat.SOURCE, Language.SQL,
        new ByteArrayInputStream("SELECT 1".getBytes(StandardCharsets.UTF_8)), false);
    expectJsonPost(server, "/api/2.0/workspace/import", "{'path': '/Users/me/q.sql', 'format': 'SOURCE', 'language': 'SQL',"
        + " 'content': '" + b64("SELECT 1") + "', 'overwrite': false}");
  }

  @Test
  void badImportsFailBeforeAnythingIsSent() {
    byte[] ok = new byte[10];
    assertThrows(InvalidRequestException.class, () -> workspace.importFile("/Users/me/x", ExportFormat.SOURCE, null, ok, true));
    assertThrows(InvalidRequestException.class, () -> workspace.importFile("/Users/me/x", ExportFormat.SOURCE, Language.UNKNOWN, ok, true));
    assertThrows(InvalidRequestException.class, () -> workspace.importFile("Users/me/x", ExportFormat.RAW, null, ok, true));
    assertThrows(InvalidRequestException.class, () -> workspace.importFile("/Users/me/x", null, null, ok, true));
    InvalidRequestException big = assertThrows(InvalidRequestException.class, () -> workspace.importFile("/Users/me/x",
        ExportFormat.RAW, null, new byte[WorkspaceFilesClient.MAX_IMPORT_BYTES + 1], true));
    assertTrue(big.getMessage().contains("at most 10485760"), big.getMessage());
    GeneratedStream endless = new GeneratedStream(Long.MAX_VALUE);
    assertThrows(InvalidRequestException.class, () -> workspace.importFile("/Users/me/x", ExportFormat.RAW, null, endless, true));
    assertEquals(WorkspaceFilesClient.MAX_IMPORT_BYTES + 1, endless.position, "reads one byte past the limit, no more");
    assertTrue(workspace.deleteAsync("/a/../b", true).isCompletedExceptionally());
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void exportDecodesContentAndExportStreamAsksForTheRawBytes() throws IOException {
    server.enqueue(ok("{'content': '" + b64(NOTEBOOK) + "', 'file_type': 'py'}"));
    assertArrayEquals(NOTEBOOK.getBytes(StandardCharsets.UTF_8), workspace.export("/Users/me/bronze", ExportFormat.SOURCE));
    expectGet(server, "/api/2.0/workspace/export?path=%2FUsers%2Fme%2Fbronze&format=SOURCE");

    server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/octet-stream").body(NOTEBOOK).build());
    try (InputStream in = workspace.exportStream("/Users/me/bronze", ExportFormat.JUPYTER)) {
      assertEquals(NOTEBOOK, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
    expectGet(server, "/api/2.0/workspace/export?path=%2FUsers%2Fme%2Fbronze&format=JUPYTER&direct_download=true");
  }
}

package dev.kiln.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** DBFS, Workspace and the Files API on the emulator: the documented limits and error codes, over raw HTTP. */
class FilesApiTest {
  static LocalWorkspace ws;
  static Wire wire;

  @BeforeAll
  static void start() {
    ws = LocalWorkspace.start();
    wire = new Wire(ws);
  }

  @AfterAll
  static void stop() {
    ws.close();
  }

  private static String b64(byte[] b) {
    return Base64.getEncoder().encodeToString(b);
  }

  private static String b64(String s) {
    return b64(s.getBytes(StandardCharsets.UTF_8));
  }

  private static void assertError(Wire.Reply reply, int status, String code) {
    assertEquals(status, reply.status, reply.body);
    assertEquals(code, reply.json().path("error_code").asText(), reply.body);
  }

  // ---- DBFS

  @Test
  void dbfsStreamingUploadThenReadInBlocks() {
    long handle = wire.post("/api/2.0/dbfs/create", Wire.object().put("path", "dbfs:/up/a.txt").put("overwrite", false))
        .json().path("handle").asLong();
    assertEquals(200, wire.post("/api/2.0/dbfs/add-block", Wire.object().put("handle", handle).put("data", b64("hello "))).status);
    assertEquals(200, wire.post("/api/2.0/dbfs/add-block", Wire.object().put("handle", handle).put("data", b64("world"))).status);
    assertError(wire.get("/api/2.0/dbfs/get-status?path=/up/a.txt"), 404, "RESOURCE_DOES_NOT_EXIST"); // not before close
    assertEquals(200, wire.post("/api/2.0/dbfs/close", Wire.object().put("handle", handle)).status);
    assertError(wire.post("/api/2.0/dbfs/add-block", Wire.object().put("handle", handle).put("data", b64("x"))),
        404, "RESOURCE_DOES_NOT_EXIST");

    JsonNode status = wire.get("/api/2.0/dbfs/get-status?path=dbfs:/up/a.txt").json();
    assertEquals(11, status.path("file_size").asLong());
    assertFalse(status.path("is_dir").asBoolean());
    JsonNode block = wire.get("/api/2.0/dbfs/read?path=/up/a.txt&offset=6&length=100").json();
    assertEquals(5, block.path("bytes_read").asInt());
    assertEquals("world", new String(Base64.getDecoder().decode(block.path("data").asText()), StandardCharsets.UTF_8));
    assertEquals(0, wire.get("/api/2.0/dbfs/read?path=/up/a.txt&offset=11").json().path("bytes_read").asInt());
    assertEquals(1, wire.get("/api/2.0/dbfs/list?path=/up").json().path("files").size());
  }

  @Test
  void dbfsEnforcesBlockAndReadLimitsAndRefusesBadOffsets() {
    byte[] overOneMb = new byte[(1 << 20) + 1];
    assertError(wire.post("/api/2.0/dbfs/put", Wire.object().put("path", "/lim/a").put("contents", b64(overOneMb))),
        400, "MAX_BLOCK_SIZE_EXCEEDED");
    long handle = wire.post("/api/2.0/dbfs/create", Wire.object().put("path", "/lim/b")).json().path("handle").asLong();
    assertError(wire.post("/api/2.0/dbfs/add-block", Wire.object().put("handle", handle).put("data", b64(overOneMb))),
        400, "MAX_BLOCK_SIZE_EXCEEDED");
    assertEquals(200, wire.post("/api/2.0/dbfs/put", Wire.object().put("path", "/lim/c").put("contents", b64("abc"))).status);
    assertError(wire.get("/api/2.0/dbfs/read?path=/lim/c&length=1048577"), 400, "MAX_READ_SIZE_EXCEEDED");
    assertError(wire.get("/api/2.0/dbfs/read?path=/lim/c&offset=-1"), 400, "INVALID_PARAMETER_VALUE");
    assertError(wire.get("/api/2.0/dbfs/read?path=/lim"), 400, "INVALID_PARAMETER_VALUE");
    assertError(wire.post("/api/2.0/dbfs/put", Wire.object().put("path", "/lim/c").put("contents", b64("x"))),
        409, "RESOURCE_ALREADY_EXISTS");
    assertError(wire.post("/api/2.0/dbfs/create", Wire.object().put("path", "/lim/c")), 409, "RESOURCE_ALREADY_EXISTS");
    assertError(wire.post("/api/2.0/dbfs/mkdirs", Wire.object().put("path", "/lim/c/d")), 409, "RESOURCE_ALREADY_EXISTS");
    assertError(wire.get("/api/2.0/dbfs/read?path=/lim/../etc/passwd"), 400, "INVALID_PARAMETER_VALUE");
  }

  @Test
  void dbfsDeleteNeedsRecursiveForAFullDirectoryAndMoveChecksBothEnds() {
    wire.post("/api/2.0/dbfs/put", Wire.object().put("path", "/tree/x/y.txt").put("contents", b64("y")));
    assertError(wire.post("/api/2.0/dbfs/delete", Wire.object().put("path", "/tree")), 400, "IO_ERROR");
    assertError(wire.post("/api/2.0/dbfs/move", Wire.object().put("source_path", "/nope").put("destination_path", "/n2")),
        404, "RESOURCE_DOES_NOT_EXIST");
    wire.post("/api/2.0/dbfs/mkdirs", Wire.object().put("path", "/tree2"));
    assertError(wire.post("/api/2.0/dbfs/move", Wire.object().put("source_path", "/tree").put("destination_path", "/tree2")),
        409, "RESOURCE_ALREADY_EXISTS");
    assertEquals(200, wire.post("/api/2.0/dbfs/move", Wire.object().put("source_path", "/tree").put("destination_path", "/moved/t")).status);
    assertEquals(1, wire.get("/api/2.0/dbfs/get-status?path=/moved/t/x/y.txt").json().path("file_size").asInt());
    assertEquals(200, wire.post("/api/2.0/dbfs/delete", Wire.object().put("path", "/moved").put("recursive", true)).status);
    assertError(wire.get("/api/2.0/dbfs/get-status?path=/moved"), 404, "RESOURCE_DOES_NOT_EXIST");
  }

  // ---- Workspace

  @Test
  void workspaceImportListExportAndDelete() {
    String source = "-- Databricks notebook source\nSELECT 1";
    assertEquals(200, wire.post("/api/2.0/workspace/mkdirs", Wire.object().put("path", "/Workspace/Users/me/etl")).status);
    assertError(wire.post("/api/2.0/workspace/import", Wire.object().put("path", "/Users/me/etl/nb").put("format", "SOURCE")
        .put("content", b64(source))), 400, "INVALID_PARAMETER_VALUE");
    assertEquals(200, wire.post("/api/2.0/workspace/import", Wire.object().put("path", "/Users/me/etl/nb").put("format", "SOURCE")
        .put("language", "SQL").put("content", b64(source))).status);
    assertError(wire.post("/api/2.0/workspace/import", Wire.object().put("path", "/Users/me/etl/nb").put("format", "SOURCE")
        .put("language", "SQL").put("content", b64(source))), 409, "RESOURCE_ALREADY_EXISTS");
    assertError(wire.post("/api/2.0/workspace/import", Wire.object().put("path", "/Users/me/none/nb").put("format", "RAW")
        .put("content", b64("x"))), 404, "RESOURCE_DOES_NOT_EXIST");
    assertEquals(200, wire.post("/api/2.0/workspace/import", Wire.object().put("path", "/Users/me/etl/data.csv").put("format", "AUTO")
        .put("content", b64("a,b\n"))).status);

    JsonNode objects = wire.get("/api/2.0/workspace/list?path=/Users/me/etl").json().path("objects");
    assertEquals(2, objects.size());
    assertEquals("FILE", objects.get(0).path("object_type").asText());
    assertEquals(4, objects.get(0).path("size").asInt());
    assertEquals("NOTEBOOK", objects.get(1).path("object_type").asText());
    assertEquals("SQL", objects.get(1).path("language").asText());
    assertFalse(objects.get(1).has("size"), "size is set for files only");

    JsonNode exported = wire.get("/api/2.0/workspace/export?path=/Workspace/Users/me/etl/nb&format=SOURCE").json();
    assertEquals(source, new String(Base64.getDecoder().decode(exported.path("content").asText()), StandardCharsets.UTF_8));
    assertEquals("sql", exported.path("file_type").asText());
    assertEquals(source, wire.get("/api/2.0/workspace/export?path=/Users/me/etl/nb&format=SOURCE&direct_download=true").body);
    assertTrue(wire.get("/api/2.0/workspace/export?path=/Users/me/etl/nb&format=JUPYTER&direct_download=true").body.contains("SELECT 1"));

    assertError(wire.post("/api/2.0/workspace/delete", Wire.object().put("path", "/Users/me/etl")), 400, "DIRECTORY_NOT_EMPTY");
    assertEquals(200, wire.post("/api/2.0/workspace/delete", Wire.object().put("path", "/Users/me/etl").put("recursive", true)).status);
    assertError(wire.get("/api/2.0/workspace/get-status?path=/Users/me/etl"), 404, "RESOURCE_DOES_NOT_EXIST");
    wire.post("/api/2.0/workspace/mkdirs", Wire.object().put("path", "/Users/me/empty"));
    assertEquals("{}", wire.get("/api/2.0/workspace/list?path=/Users/me/empty").body, "an empty directory answers {}");
  }

  @Test
  void workspaceRefusesImportsOverTenMegabytes() {
    byte[] big = new byte[10 * 1024 * 1024 + 1];
    assertError(wire.post("/api/2.0/workspace/import", Wire.object().put("path", "/Shared/big").put("format", "RAW")
        .put("content", b64(big))), 400, "MAX_NOTEBOOK_SIZE_EXCEEDED");
  }

  @Test
  void seededNotebooksAreInTheTree() {
    ws.addNotebook("/Workspace/Users/etl@bir.gov.ph/bronze_ingestion", "PYTHON", "print('bronze')");
    JsonNode status = wire.get("/api/2.0/workspace/get-status?path=/Users/etl@bir.gov.ph/bronze_ingestion").json();
    assertEquals("NOTEBOOK", status.path("object_type").asText());
    assertEquals("PYTHON", status.path("language").asText());
  }

  // ---- Files API

  private Wire.Reply volume(String method, String path, String body, String... headers) {
    HttpRequest.Builder b = wire.authorized("/api/2.0/fs/files" + path)
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return Wire.send(b.build());
  }

  @Test
  void volumeFilesUploadHeadRangeAndConditions() {
    assertEquals(204, volume("PUT", "/Volumes/main/default/landing/2026/rates.csv", "0123456789").status);
    assertError(volume("PUT", "/Volumes/main/default/landing/2026/rates.csv?overwrite=false", "x"), 409, "ALREADY_EXISTS");

    Wire.Reply head = volume("HEAD", "/Volumes/main/default/landing/2026/rates.csv", null);
    assertEquals(200, head.status);
    assertEquals("10", head.headers.firstValue("content-length").orElseThrow());
    String modified = head.headers.firstValue("last-modified").orElseThrow();

    Wire.Reply whole = volume("GET", "/Volumes/main/default/landing/2026/rates.csv", null);
    assertEquals("0123456789", whole.body);
    assertEquals(modified, whole.headers.firstValue("last-modified").orElseThrow());
    Wire.Reply tail = volume("GET", "/Volumes/main/default/landing/2026/rates.csv", null, "Range", "bytes=4-");
    assertEquals(206, tail.status);
    assertEquals("456789", tail.body);
    assertEquals("bytes 4-9/10", tail.headers.firstValue("content-range").orElseThrow());
    assertEquals("23", volume("GET", "/Volumes/main/default/landing/2026/rates.csv", null, "Range", "bytes=2-3").body);
    assertEquals(416, volume("GET", "/Volumes/main/default/landing/2026/rates.csv", null, "Range", "bytes=10-").status);
    assertEquals(200, volume("GET", "/Volumes/main/default/landing/2026/rates.csv", null, "If-Unmodified-Since", modified).status);
    assertEquals(412, volume("GET", "/Volumes/main/default/landing/2026/rates.csv", null,
        "If-Unmodified-Since", "Mon, 01 Jan 2001 00:00:00 GMT").status);

    assertError(volume("GET", "/Volumes/main/default/landing/nope.csv", null), 404, "NOT_FOUND");
    assertError(volume("PUT", "/Volumes/main/default/too-short", "x"), 400, "INVALID_PARAMETER_VALUE");
    assertEquals(204, volume("DELETE", "/Volumes/main/default/landing/2026/rates.csv", null).status);
    assertEquals(404, volume("HEAD", "/Volumes/main/default/landing/2026/rates.csv", null).status);
  }

  @Test
  void volumeDirectoriesCreateListPageAndDeleteOnlyWhenEmpty() {
    for (int i = 0; i < 5; i++) {
      volume("PUT", "/Volumes/main/default/dirs/d/f" + i + ".txt", "x".repeat(i));
    }
    assertEquals(204, wire.send(wire.authorized("/api/2.0/fs/directories/Volumes/main/default/dirs/d/sub")
        .PUT(HttpRequest.BodyPublishers.noBody()).build()).status);
    JsonNode first = wire.get("/api/2.0/fs/directories/Volumes/main/default/dirs/d?page_size=4").json();
    assertEquals(4, first.path("contents").size());
    JsonNode second = wire.get("/api/2.0/fs/directories/Volumes/main/default/dirs/d?page_size=4&page_token="
        + first.path("next_page_token").asText()).json();
    assertEquals(2, second.path("contents").size());
    assertFalse(second.has("next_page_token"));
    JsonNode f2 = first.path("contents").get(2);
    assertEquals("/Volumes/main/default/dirs/d/f2.txt", f2.path("path").asText());
    assertEquals(2, f2.path("file_size").asInt());
    assertTrue(second.path("contents").get(1).path("is_directory").asBoolean());
    assertEquals(400, wire.get("/api/2.0/fs/directories/Volumes/main/default/dirs/d?page_size=1001").status);
    assertEquals(404, wire.get("/api/2.0/fs/directories/Volumes/main/default/dirs/none").status);

    Wire.Reply notEmpty = wire.send(wire.authorized("/api/2.0/fs/directories/Volumes/main/default/dirs/d").DELETE().build());
    assertError(notEmpty, 409, "DIRECTORY_NOT_EMPTY");
    assertEquals(204, wire.send(wire.authorized("/api/2.0/fs/directories/Volumes/main/default/dirs/d/sub").DELETE().build()).status);
  }
}

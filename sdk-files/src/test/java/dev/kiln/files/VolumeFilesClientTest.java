package dev.kiln.files;

import static dev.kiln.core.testing.Wire.expect;
import static dev.kiln.core.testing.Wire.expectGet;
import static dev.kiln.core.testing.Wire.ok;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.core.DatabricksClient;
import dev.kiln.core.error.InvalidRequestException;
import dev.kiln.core.error.NotFoundException;
import dev.kiln.core.error.ResourceConflictException;
import dev.kiln.core.testing.TestClients;
import dev.kiln.core.testing.Wire;
import dev.kiln.files.model.DirectoryEntry;
import dev.kiln.files.model.FileMetadata;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VolumeFilesClientTest extends FilesTestBase {

  @Test
  void uploadStreamsTheBodyToAnEncodedPathWithOverwrite() {
    byte[] data = bytes(3 * MB + 5);
    server.enqueue(new MockResponse.Builder().code(204).build());
    List<Long> progress = new CopyOnWriteArrayList<>();
    volumes.upload("/Volumes/main/default/landing/month end/a+b.csv", new ByteArrayInputStream(data), false,
        (n, total) -> progress.add(n));
    RecordedRequest r = expect(server, "PUT", "/api/2.0/fs/files/Volumes/main/default/landing/month%20end/a%2Bb.csv?overwrite=false");
    assertEquals("application/octet-stream", r.getHeaders().get("Content-Type"));
    assertArrayEquals(data, r.getBody().toByteArray());
    assertEquals(data.length, progress.get(progress.size() - 1));
    assertTrue(progress.size() > 10, "progress is reported as the body goes out, not once");
  }

  @Test
  void uploadFileSendsTheLengthAndReportsTheTotal(@TempDir Path dir) throws IOException {
    Path local = dir.resolve("rates.csv");
    Files.write(local, bytes(200_000));
    server.enqueue(new MockResponse.Builder().code(204).build());
    OptionalLong[] total = {OptionalLong.empty()};
    volumes.uploadFile("/Volumes/main/default/landing/rates.csv", local, true, (n, t) -> total[0] = t);
    RecordedRequest r = expect(server, "PUT", "/api/2.0/fs/files/Volumes/main/default/landing/rates.csv?overwrite=true");
    assertEquals("200000", r.getHeaders().get("Content-Length"));
    assertEquals(OptionalLong.of(200_000), total[0]);
  }

  @Test
  void aLocalFileIsSentAgainAfterA503ButACallersStreamIsNot(@TempDir Path dir) throws IOException {
    Path local = dir.resolve("f.bin");
    Files.write(local, bytes(50_000));
    server.enqueue(Wire.error(503, "{'error_code': 'TEMPORARILY_UNAVAILABLE', 'message': 'busy'}"));
    server.enqueue(new MockResponse.Builder().code(204).build());
    List<Long> progress = new CopyOnWriteArrayList<>();
    volumes.uploadFile("/Volumes/c/s/v/f.bin", local, true, (n, t) -> progress.add(n));
    Wire.take(server);
    assertArrayEquals(bytes(50_000), Wire.take(server).getBody().toByteArray(), "the whole file again");
    assertEquals(50_000L, progress.get(progress.size() - 1), "progress restarts with the second attempt");
    assertTrue(progress.stream().allMatch(n -> n <= 50_000L));

    server.enqueue(Wire.error(503, "{'error_code': 'TEMPORARILY_UNAVAILABLE', 'message': 'busy'}"));
    server.enqueue(new MockResponse.Builder().code(204).build());
    dev.kiln.core.error.DatabricksException e = assertThrows(dev.kiln.core.error.DatabricksException.class,
        () -> volumes.upload("/Volumes/c/s/v/g.bin", new ByteArrayInputStream(bytes(50_000)), true));
    StringBuilder chain = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      chain.append(t).append('\n');
    }
    assertTrue(chain.toString().contains("cannot be replayed"), chain.toString());
  }

  /**
   * The client may run ahead of what the server has received only by what sockets and buffers hold, never by the
   * whole 96 MB: after every read the server compares what it received with what the client has taken from the
   * caller's stream. A client that read the stream into memory before sending would be ~96 MB ahead at the
   * server's first read.
   */
  @Test
  void anUploadHoldsABoundedAmountOfTheCallersStream() throws Exception {
    long size = 96L * MB;
    long[] received = {-1};
    long[] mostAhead = {0};
    GeneratedStream source = new GeneratedStream(size);
    try (ScriptedServer server = new ScriptedServer((head, in, out) -> {
      received[0] = ScriptedServer.drainChunked(in,
          got -> mostAhead[0] = Math.max(mostAhead[0], source.position - got));
      ScriptedServer.writeHead(out, "204 No Content", Map.of());
    });
        DatabricksClient client = TestClients.forUrl(server.url(), sleeper)) {
      VolumeFilesClient v = VolumeFilesClient.create(client);
      v.uploadAsync("/Volumes/c/s/v/big.bin", source, true).get(60, TimeUnit.SECONDS);
      System.out.println("upload: the client was at most " + mostAhead[0] + " bytes ahead of the server");
      assertTrue(mostAhead[0] > 0, "the server saw the client ahead of it at least once");
      assertTrue(mostAhead[0] < 48L * MB, "the client was " + mostAhead[0] + " bytes ahead of the server");
      assertEquals(size, source.position);
      assertEquals(size, received[0]);
      assertEquals("chunked", server.requests.get(0).headers.get("transfer-encoding"));
    }
  }

  @Test
  void aDownloadCutOffMidwayResumesWithARangeRequest() throws Exception {
    byte[] file = bytes(4 * MB + 11);
    int cut = 1_500_000;
    String modified = "Wed, 02 Dec 2026 09:00:00 GMT";
    try (ScriptedServer flaky = new ScriptedServer(
        (head, in, out) -> {
          ScriptedServer.writeHead(out, "200 OK", Map.of("Content-Length", String.valueOf(file.length),
              "Content-Type", "application/octet-stream", "Last-Modified", modified));
          out.write(file, 0, cut);
          out.flush(); // then the connection closes with the rest missing
        },
        (head, in, out) -> {
          String range = head.headers.get("range");
          int from = Integer.parseInt(range.substring("bytes=".length(), range.length() - 1));
          ScriptedServer.writeHead(out, "206 Partial Content", Map.of("Content-Length", String.valueOf(file.length - from),
              "Content-Range", "bytes " + from + "-" + (file.length - 1) + "/" + file.length));
          out.write(file, from, file.length - from);
        });
        DatabricksClient client = TestClients.forUrl(flaky.url(), sleeper)) {
      VolumeFilesClient v = VolumeFilesClient.create(client, FilesOptions.builder().resumeDelay(Duration.ofSeconds(2)).build());
      List<Long> progress = new CopyOnWriteArrayList<>();
      byte[] read;
      try (InputStream in = v.download("/Volumes/main/default/landing/big.bin", (n, t) -> progress.add(n))) {
        read = in.readAllBytes();
      }
      assertArrayEquals(file, read);
      assertEquals(2, flaky.requests.size());
      assertEquals("GET /api/2.0/fs/files/Volumes/main/default/landing/big.bin HTTP/1.1", flaky.requests.get(0).line);
      assertNull(flaky.requests.get(0).headers.get("range"));
      String range = flaky.requests.get(1).headers.get("range");
      long resumedAt = Long.parseLong(range.substring("bytes=".length(), range.length() - 1));
      assertTrue(resumedAt > 0 && resumedAt <= cut, range);
      assertEquals(modified, flaky.requests.get(1).headers.get("if-unmodified-since"));
      assertEquals(List.of(Duration.ofSeconds(2)), sleeper.sleeps(), "one pause before the resume, on the injected sleeper");
      assertEquals(file.length, progress.get(progress.size() - 1));
    }
  }

  @Test
  void aServerThatIgnoresTheRangeIsReadFromTheStartAndTheDeliveredBytesSkipped() throws Exception {
    byte[] file = bytes(300_000);
    try (ScriptedServer flaky = new ScriptedServer(
        (head, in, out) -> {
          ScriptedServer.writeHead(out, "200 OK", Map.of("Content-Length", String.valueOf(file.length)));
          out.write(file, 0, 100_000);
        },
        (head, in, out) -> {
          ScriptedServer.writeHead(out, "200 OK", Map.of("Content-Length", String.valueOf(file.length)));
          out.write(file);
        });
        DatabricksClient client = TestClients.forUrl(flaky.url(), sleeper)) {
      try (InputStream in = VolumeFilesClient.create(client).download("/Volumes/c/s/v/f.bin")) {
        assertArrayEquals(file, in.readAllBytes());
      }
      assertTrue(flaky.requests.get(1).headers.containsKey("range"));
    }
  }

  @Test
  void aDownloadGivesUpAfterTheConfiguredResumes() throws Exception {
    byte[] file = bytes(100_000);
    ScriptedServer.Handler cutOff = (head, in, out) -> {
      ScriptedServer.writeHead(out, "200 OK", Map.of("Content-Length", String.valueOf(file.length)));
      out.write(file, 0, 1000);
    };
    try (ScriptedServer flaky = new ScriptedServer(cutOff, cutOff);
        DatabricksClient client = TestClients.forUrl(flaky.url(), sleeper)) {
      VolumeFilesClient v = VolumeFilesClient.create(client, FilesOptions.builder().downloadResumeAttempts(1).build());
      try (InputStream in = v.download("/Volumes/c/s/v/f.bin")) {
        assertThrows(IOException.class, in::readAllBytes);
      }
      assertEquals(2, flaky.requests.size());
    }
  }

  @Test
  void getMetadataReadsTheHeadersOfAHead() {
    server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "text/csv")
        .addHeader("Last-Modified", "Wed, 02 Dec 2026 09:00:00 GMT").build());
    FileMetadata m = volumes.getMetadata("/Volumes/main/default/landing/a.csv");
    RecordedRequest r = Wire.take(server);
    assertEquals("HEAD /api/2.0/fs/files/Volumes/main/default/landing/a.csv", r.getMethod() + " " + r.getTarget());
    assertEquals("text/csv", m.contentType().orElseThrow());
    assertEquals(java.time.Instant.parse("2026-12-02T09:00:00Z"), m.lastModified().orElseThrow());
  }

  @Test
  void deleteAndDirectoryCalls() {
    server.enqueue(new MockResponse.Builder().code(204).build());
    volumes.delete("/Volumes/main/default/landing/a.csv");
    expect(server, "DELETE", "/api/2.0/fs/files/Volumes/main/default/landing/a.csv");

    server.enqueue(new MockResponse.Builder().code(204).build());
    volumes.createDirectory("/Volumes/main/default/landing/2026/02/");
    expect(server, "PUT", "/api/2.0/fs/directories/Volumes/main/default/landing/2026/02");

    server.enqueue(new MockResponse.Builder().code(200).build());
    assertTrue(volumes.directoryExists("/Volumes/main/default/landing"));
    expect(server, "HEAD", "/api/2.0/fs/directories/Volumes/main/default/landing");
    server.enqueue(new MockResponse.Builder().code(404).build()); // an answer to HEAD has no body
    assertFalse(volumes.directoryExists("/Volumes/main/default/landing/nope"));
    Wire.take(server);

    server.enqueue(Wire.error(409, "{'error_code': 'DIRECTORY_NOT_EMPTY', 'message': 'not empty'}"));
    assertThrows(ResourceConflictException.class, () -> volumes.deleteDirectory("/Volumes/main/default/landing"));
    expect(server, "DELETE", "/api/2.0/fs/directories/Volumes/main/default/landing");

    server.enqueue(Wire.error(404, "{'error_code': 'NOT_FOUND', 'message': 'no'}"));
    assertThrows(NotFoundException.class, () -> volumes.download("/Volumes/main/default/landing/missing.csv"));
  }

  @Test
  void listPagesLazilyAndFollowsShortPages() {
    VolumeFilesClient paged = VolumeFilesClient.create(db, FilesOptions.builder().directoryPageSize(2).build());
    server.enqueue(ok("{'contents': [{'path': '/Volumes/c/s/v/a', 'name': 'a', 'is_directory': true, 'last_modified': 1}], 'next_page_token': 't1'}"));
    server.enqueue(ok("{'contents': [{'path': '/Volumes/c/s/v/b.csv', 'name': 'b.csv', 'is_directory': false, 'file_size': 9}]}"));
    Iterator<DirectoryEntry> it = paged.list("/Volumes/c/s/v").iterator();
    assertEquals(0, server.getRequestCount());
    assertTrue(it.next().isDirectory());
    assertEquals(1, server.getRequestCount(), "a short page is not the end, but the next is fetched only when needed");
    DirectoryEntry b = it.next();
    assertEquals(9, b.fileSize().orElseThrow());
    assertFalse(it.hasNext());
    expectGet(server, "/api/2.0/fs/directories/Volumes/c/s/v?page_size=2");
    expectGet(server, "/api/2.0/fs/directories/Volumes/c/s/v?page_size=2&page_token=t1");
  }

  @Test
  void badVolumePathsFailBeforeAnythingIsSent() {
    for (String bad : List.of("/Volumes/main/default", "/volumes/c/s/v/f", "dbfs:/x", "Volumes/c/s/v/f",
        "/Volumes/c/s/v/../f", "/Volumes/c//v/f", "/Workspace/x")) {
      InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> volumes.getMetadata(bad), bad);
      assertTrue(e.getMessage().contains("/Volumes/<catalog>/<schema>/<volume>"), e.getMessage());
      assertTrue(volumes.uploadAsync(bad, InputStream.nullInputStream(), true).isCompletedExceptionally());
    }
    assertThrows(InvalidRequestException.class, () -> volumes.list("/Volumes/c/s"));
    volumes.list("/Volumes/c/s/v"); // the volume itself is a directory
    assertThrows(InvalidRequestException.class, () -> volumes.upload("/Volumes/c/s/v/f", null, true));
    assertEquals(0, server.getRequestCount());
  }
}

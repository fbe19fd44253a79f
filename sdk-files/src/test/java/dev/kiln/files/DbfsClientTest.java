package dev.kiln.files;

import static dev.kiln.core.testing.Wire.expectGet;
import static dev.kiln.core.testing.Wire.expectJsonPost;
import static dev.kiln.core.testing.Wire.ok;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.core.error.InvalidRequestException;
import dev.kiln.core.error.ResourceAlreadyExistsException;
import dev.kiln.core.error.ResourceDoesNotExistException;
import dev.kiln.core.error.TemporarilyUnavailableException;
import dev.kiln.core.spi.Futures;
import dev.kiln.core.testing.Wire;
import dev.kiln.files.model.DbfsFileInfo;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

class DbfsClientTest extends FilesTestBase {

  @Test
  void listStripsTheSchemeAndReadsEntries() {
    server.enqueue(ok("{'files': [{'path': '/landing/a.csv', 'is_dir': false, 'file_size': 12, 'modification_time': 1700000000000},"
        + " {'path': '/landing/sub', 'is_dir': true, 'file_size': 0}]}"));
    List<DbfsFileInfo> files = dbfs.list("dbfs:/landing").stream().collect(java.util.stream.Collectors.toList());
    expectGet(server, "/api/2.0/dbfs/list?path=%2Flanding");
    assertEquals(2, files.size());
    assertEquals("/landing/a.csv", files.get(0).path());
    assertEquals(12, files.get(0).fileSize());
    assertEquals(1700000000000L, files.get(0).modifiedAt().orElseThrow().toEpochMilli());
    assertTrue(files.get(1).isDir());
  }

  @Test
  void aRecursiveListingFetchesEachDirectoryOnlyWhenIterationReachesIt() {
    server.enqueue(ok("{'files': [{'path': '/r/a', 'is_dir': true}, {'path': '/r/f', 'file_size': 1}]}"));
    server.enqueue(ok("{}"));
    Iterator<DbfsFileInfo> it = dbfs.list("/r", true).iterator();
    assertEquals(0, server.getRequestCount(), "nothing is fetched before iteration");
    assertEquals("/r/a", it.next().path());
    assertEquals("/r/f", it.next().path());
    assertEquals(1, server.getRequestCount());
    assertFalse(it.hasNext());
    expectGet(server, "/api/2.0/dbfs/list?path=%2Fr");
    expectGet(server, "/api/2.0/dbfs/list?path=%2Fr%2Fa");
  }

  @Test
  void getStatusMkdirsMoveAndTheirErrors() {
    server.enqueue(ok("{'path': '/a/b.csv', 'is_dir': false, 'file_size': 3}"));
    assertEquals(3, dbfs.getStatus("/a/b.csv").fileSize());
    expectGet(server, "/api/2.0/dbfs/get-status?path=%2Fa%2Fb.csv");

    server.enqueue(ok("{}"));
    dbfs.mkdirs("dbfs:/a/new/dir/");
    expectJsonPost(server, "/api/2.0/dbfs/mkdirs", "{'path': '/a/new/dir'}");

    server.enqueue(ok("{}"));
    dbfs.move("/a/b.csv", "dbfs:/a/c.csv");
    expectJsonPost(server, "/api/2.0/dbfs/move", "{'source_path': '/a/b.csv', 'destination_path': '/a/c.csv'}");

    server.enqueue(Wire.error(404, "{'error_code': 'RESOURCE_DOES_NOT_EXIST', 'message': 'No file'}"));
    assertThrows(ResourceDoesNotExistException.class, () -> dbfs.move("/x", "/y"));
    Wire.take(server);
    server.enqueue(Wire.error(400, "{'error_code': 'RESOURCE_ALREADY_EXISTS', 'message': 'exists'}"));
    assertThrows(ResourceAlreadyExistsException.class, () -> dbfs.mkdirs("/a/b.csv/d"));
  }

  @Test
  void deleteRepeatsAfterPartialDeleteUntilItCompletes() {
    int partial = 12; // more than the client's own retry attempts, so the files client's rounds are needed
    for (int i = 0; i < partial; i++) {
      server.enqueue(Wire.error(503, "{'error_code': 'PARTIAL_DELETE', 'message': 'deleted some'}"));
    }
    server.enqueue(ok("{}"));
    dbfs.delete("/big", true);
    for (int i = 0; i <= partial; i++) {
      expectJsonPost(server, "/api/2.0/dbfs/delete", "{'path': '/big', 'recursive': true}");
    }
  }

  @Test
  void partialDeleteRoundsAreBounded() {
    DbfsClient twoRounds = DbfsClient.create(db, FilesOptions.builder().partialDeleteRounds(1).build());
    for (int i = 0; i < 40; i++) {
      server.enqueue(Wire.error(503, "{'error_code': 'PARTIAL_DELETE', 'message': 'deleted some'}"));
    }
    TemporarilyUnavailableException e = assertThrows(TemporarilyUnavailableException.class, () -> twoRounds.delete("/big", true));
    assertEquals("PARTIAL_DELETE", e.errorCode());
  }

  @Test
  void putSendsBase64AndRefusesMoreThanOneMegabyteBeforeSending() {
    server.enqueue(ok("{}"));
    dbfs.put("/small.txt", "héllo".getBytes(java.nio.charset.StandardCharsets.UTF_8), true);
    expectJsonPost(server, "/api/2.0/dbfs/put", "{'path': '/small.txt', 'contents': '"
        + Base64.getEncoder().encodeToString("héllo".getBytes(java.nio.charset.StandardCharsets.UTF_8)) + "', 'overwrite': true}");

    InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> dbfs.put("/big", new byte[MB + 1], false));
    assertTrue(e.getMessage().contains("at most 1048576"), e.getMessage());
    assertThrows(InvalidRequestException.class, () -> dbfs.addBlock(7, new byte[MB + 1]));
    assertThrows(InvalidRequestException.class, () -> dbfs.addBlock(-1, new byte[1]));
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void readBlockChecksOffsetAndLengthBeforeSending() {
    assertThrows(InvalidRequestException.class, () -> dbfs.readBlock("/f", -1, 10));
    assertThrows(InvalidRequestException.class, () -> dbfs.readBlock("/f", 0, 0));
    assertThrows(InvalidRequestException.class, () -> dbfs.readBlock("/f", 0, MB + 1));
    ExecutionException async = assertThrows(ExecutionException.class, () -> dbfs.readBlockAsync("/f", -5, 1).get());
    assertTrue(async.getCause() instanceof InvalidRequestException);
    assertEquals(0, server.getRequestCount());

    server.enqueue(ok("{'bytes_read': 3, 'data': '" + Base64.getEncoder().encodeToString(new byte[] {1, 2, 3}) + "'}"));
    assertArrayEquals(new byte[] {1, 2, 3}, dbfs.readBlock("/f", 5, 3));
    expectGet(server, "/api/2.0/dbfs/read?path=%2Ff&offset=5&length=3");
  }

  @Test
  void badPathsFailBeforeAnythingIsSent() {
    for (String bad : List.of("relative/path", "", "  ", "/a/../b", "/a//b", "/a/./b", "s3://bucket/x", "dbfs:relative")) {
      InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> dbfs.getStatus(bad), bad);
      assertTrue(e.getMessage().startsWith("path must"), e.getMessage());
      CompletableFuture<Void> f = dbfs.mkdirsAsync(bad);
      assertTrue(f.isCompletedExceptionally(), bad);
    }
    assertThrows(InvalidRequestException.class, () -> dbfs.move("/a", "../b"));
    assertThrows(InvalidRequestException.class, () -> dbfs.write("no-slash", InputStream.nullInputStream(), true));
    assertThrows(InvalidRequestException.class, () -> dbfs.read("/a\nb"));
    assertEquals(0, server.getRequestCount());
  }

  /** A DBFS server in memory: get-status and read over {@code file}, and the upload calls recorded. */
  private static final class FakeDbfs extends Dispatcher {
    final byte[] file;
    final List<String> calls = new CopyOnWriteArrayList<>();
    final List<Long> sourceReadAtBlock = new CopyOnWriteArrayList<>();
    final ByteArrayOutputStream uploaded = new ByteArrayOutputStream();
    final Supplier<Long> sourcePosition;

    FakeDbfs(byte[] file, Supplier<Long> sourcePosition) {
      this.file = file;
      this.sourcePosition = sourcePosition;
    }

    @Override
    public MockResponse dispatch(RecordedRequest r) {
      String path = r.getUrl().encodedPath();
      calls.add(path.substring(path.lastIndexOf('/') + 1));
      switch (path) {
        case "/api/2.0/dbfs/get-status":
          return ok("{'path': '/f', 'file_size': " + file.length + "}");
        case "/api/2.0/dbfs/read": {
          int offset = Integer.parseInt(r.getUrl().queryParameter("offset"));
          int length = Integer.parseInt(r.getUrl().queryParameter("length"));
          int n = Math.max(0, Math.min(length, file.length - offset));
          byte[] part = java.util.Arrays.copyOfRange(file, Math.min(offset, file.length), Math.min(offset, file.length) + n);
          return ok("{'bytes_read': " + n + ", 'data': '" + Base64.getEncoder().encodeToString(part) + "'}");
        }
        case "/api/2.0/dbfs/create":
          return ok("{'handle': 4242}");
        case "/api/2.0/dbfs/add-block": {
          sourceReadAtBlock.add(sourcePosition.get());
          JsonNode body = Wire.bodyTree(r);
          assertEquals(4242, body.get("handle").asLong());
          byte[] block = Base64.getDecoder().decode(body.get("data").asText());
          assertTrue(block.length <= MB, "a block is at most 1 MB");
          synchronized (uploaded) {
            uploaded.writeBytes(block);
          }
          return ok("{}");
        }
        default:
          return ok("{}");
      }
    }
  }

  @Test
  void readStreamsAMultiMegabyteFileOneBlockPerCallAsItIsConsumed() throws Exception {
    byte[] file = bytes(2 * MB + 12345);
    FakeDbfs fake = new FakeDbfs(file, () -> 0L);
    server.setDispatcher(fake);
    List<Long> progress = new ArrayList<>();
    OptionalLong[] total = {OptionalLong.empty()};
    try (InputStream in = dbfs.read("dbfs:/f", (n, t) -> {
      progress.add(n);
      total[0] = t;
    })) {
      assertEquals(List.of("get-status"), fake.calls, "nothing read before the caller reads");
      byte[] first = in.readNBytes(10);
      assertEquals(List.of("get-status", "read"), fake.calls);
      assertEquals(MB, in.available() + 10, "one block held");
      ByteArrayOutputStream rest = new ByteArrayOutputStream();
      in.transferTo(rest);
      ByteArrayOutputStream all = new ByteArrayOutputStream();
      all.writeBytes(first);
      all.writeBytes(rest.toByteArray());
      assertArrayEquals(file, all.toByteArray());
    }
    assertEquals(List.of("get-status", "read", "read", "read", "read"), fake.calls, "3 blocks and the empty one at the end");
    assertEquals(List.of((long) MB, 2L * MB, (long) file.length), progress);
    assertEquals(OptionalLong.of(file.length), total[0]);
  }

  @Test
  void writeStreamsAMultiMegabyteFileInOneMegabyteBlocksReadingNoMoreThanOneBlockAhead() {
    long size = 3L * MB + 777;
    GeneratedStream source = new GeneratedStream(size);
    FakeDbfs fake = new FakeDbfs(new byte[0], () -> source.position);
    server.setDispatcher(fake);
    List<Long> progress = new CopyOnWriteArrayList<>();

    long written = dbfs.write("dbfs:/out/big.bin", source, false, (n, t) -> progress.add(n));

    assertEquals(size, written);
    assertEquals(List.of("create", "add-block", "add-block", "add-block", "add-block", "close"), fake.calls);
    // When block k (from 0) arrives, the source was read to at most the end of block k: the writer holds
    // one block, never the file.
    for (int k = 0; k < fake.sourceReadAtBlock.size(); k++) {
      assertTrue(fake.sourceReadAtBlock.get(k) <= (k + 1L) * MB, "block " + k + ": read " + fake.sourceReadAtBlock.get(k));
    }
    byte[] uploaded = fake.uploaded.toByteArray();
    assertEquals(size, uploaded.length);
    for (int i = 0; i < uploaded.length; i++) {
      if (uploaded[i] != at(i)) {
        throw new AssertionError("byte " + i + " differs");
      }
    }
    assertEquals(List.of((long) MB, 2L * MB, 3L * MB, size), progress);
    RecordedRequest create = Wire.take(server);
    assertEquals(Wire.tree("{'path': '/out/big.bin', 'overwrite': false}"), Wire.bodyTree(create));
  }

  @Test
  void aSmallerBlockSizeMeansMoreBlocksAndTheCloseBodyCarriesTheHandle() {
    FakeDbfs fake = new FakeDbfs(new byte[0], () -> 0L);
    server.setDispatcher(fake);
    DbfsClient small = DbfsClient.create(db, FilesOptions.builder().dbfsBlockSize(1000).build());
    assertEquals(2500, small.write("/x", new GeneratedStream(2500), true));
    assertEquals(List.of("create", "add-block", "add-block", "add-block", "close"), fake.calls);
    List<RecordedRequest> all = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      all.add(Wire.take(server));
    }
    assertEquals(Wire.tree("{'handle': 4242}"), Wire.bodyTree(all.get(4)));
  }

  @Test
  void aFailedBlockStopsTheUploadWithTheServersError() {
    server.enqueue(ok("{'handle': 1}"));
    server.enqueue(Wire.error(404, "{'error_code': 'RESOURCE_DOES_NOT_EXIST', 'message': 'handle expired'}"));
    CompletableFuture<Long> f = dbfs.writeAsync("/x", new GeneratedStream(10), true);
    ExecutionException e = assertThrows(ExecutionException.class, f::get);
    assertTrue(Futures.unwrap(e) instanceof ResourceDoesNotExistException);
    assertEquals(2, server.getRequestCount(), "no close after a failed block");
  }

  @Test
  void optionsCheckTheirRanges() {
    assertThrows(IllegalArgumentException.class, () -> FilesOptions.builder().dbfsBlockSize(MB + 1));
    assertThrows(IllegalArgumentException.class, () -> FilesOptions.builder().dbfsBlockSize(0));
    assertThrows(IllegalArgumentException.class, () -> FilesOptions.builder().directoryPageSize(1001));
    assertThrows(IllegalArgumentException.class, () -> FilesOptions.builder().downloadResumeAttempts(-1));
    FilesOptions o = FilesOptions.builder().downloadResumeAttempts(5).build();
    assertEquals(o, o.toBuilder().build());
    assertEquals(MB, FilesOptions.defaults().dbfsBlockSize());
  }
}

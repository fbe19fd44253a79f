package dev.kiln.emulator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * DBFS 2.0 on the workspace's temporary directory: list, get-status, mkdirs, put, the streaming upload
 * (create/add-block/close), read, delete and move, with the documented limits and error codes (1 MB per block,
 * read and put: MAX_BLOCK_SIZE_EXCEEDED, MAX_READ_SIZE_EXCEEDED; a non-empty directory without recursive:
 * IO_ERROR; upload handles expire after 10 minutes idle on the workspace clock). {@code dbfs:} prefixes are
 * stripped. Multipart {@code put} is not emulated.
 */
final class DbfsApi implements WorkspaceApi {
  static final int MAX_BLOCK = 1 << 20;
  private static final int DEFAULT_READ = 1 << 19;
  private static final Duration HANDLE_IDLE = Duration.ofMinutes(10);
  private static final String BASE = "/api/2.0/dbfs/";

  private final FileStorage storage;
  private final FileArea area;
  private final Clock clock;
  private final Map<Long, Upload> uploads = new HashMap<>();
  private final AtomicLong nextHandle = new AtomicLong(1);

  DbfsApi(FileStorage storage, Clock clock) {
    this.storage = storage;
    this.area = storage.dbfs;
    this.clock = clock;
  }

  private static final class Upload {
    final Path target;
    final Path staging;
    long lastUsed;

    Upload(Path target, Path staging, long lastUsed) {
      this.target = target;
      this.staging = staging;
      this.lastUsed = lastUsed;
    }
  }

  @Override
  public void register(Router router) {
    router.get(BASE + "list", this::list);
    router.get(BASE + "get-status", this::getStatus);
    router.post(BASE + "mkdirs", this::mkdirs);
    router.post(BASE + "put", this::put);
    router.post(BASE + "create", this::create);
    router.post(BASE + "add-block", this::addBlock);
    router.post(BASE + "close", this::close);
    router.get(BASE + "read", this::read);
    router.post(BASE + "delete", this::delete);
    router.post(BASE + "move", this::move);
  }

  private static String dbfsPath(String raw) {
    if (raw == null || raw.isEmpty()) {
      throw ApiException.invalidParameter("Path must be specified.");
    }
    return raw.startsWith("dbfs:") ? raw.substring("dbfs:".length()) : raw;
  }

  private Path pathParam(Request request) {
    return area.resolve(dbfsPath(request.queryParam("path").orElse(null)));
  }

  private Path pathField(JsonNode body, String field) {
    return area.resolve(dbfsPath(body.path(field).asText(null)));
  }

  private static ApiException notFound(String what) {
    return ApiException.notFound("No file or directory exists on path " + what + ".");
  }

  private ObjectNode info(Path p) {
    ObjectNode node = Json.object();
    node.put("path", area.apiPath(p));
    node.put("is_dir", Files.isDirectory(p));
    node.put("file_size", area.size(p));
    node.put("modification_time", area.modifiedMillis(p));
    return node;
  }

  private synchronized Response list(Request request) {
    Path p = pathParam(request);
    if (!Files.exists(p)) {
      throw notFound(area.apiPath(p));
    }
    ObjectNode body = Json.object();
    ArrayNode files = body.putArray("files");
    if (Files.isDirectory(p)) {
      area.children(p).forEach(c -> files.add(info(c)));
    } else {
      files.add(info(p));
    }
    return Response.ok(body);
  }

  private synchronized Response getStatus(Request request) {
    Path p = pathParam(request);
    if (!Files.exists(p)) {
      throw notFound(area.apiPath(p));
    }
    return Response.ok(info(p));
  }

  private synchronized Response mkdirs(Request request) {
    Path p = pathField(request.json(), "path");
    Path file = area.fileInTheWay(p);
    if (file != null) {
      throw ApiException.alreadyExists("A file or directory already exists at the input path " + area.apiPath(file) + ".");
    }
    area.mkdirs(p);
    return Response.ok(Json.object());
  }

  private synchronized Response put(Request request) {
    JsonNode body = request.json();
    Path p = pathField(body, "path");
    byte[] data = decodeBlock(body.path("contents").asText(""), "put");
    checkWritable(p, body.path("overwrite").asBoolean(false));
    area.write(p, data);
    return Response.ok(Json.object());
  }

  private void checkWritable(Path p, boolean overwrite) {
    if (Files.isDirectory(p)) {
      throw ApiException.alreadyExists("A directory already exists at " + area.apiPath(p) + ".");
    }
    if (Files.exists(p) && !overwrite) {
      throw ApiException.alreadyExists("A file or directory already exists at the input path " + area.apiPath(p) + ".");
    }
    Path file = area.fileInTheWay(p.getParent());
    if (file != null) {
      throw ApiException.alreadyExists("A file exists on the way to " + area.apiPath(p) + ": " + area.apiPath(file) + ".");
    }
  }

  private static byte[] decodeBlock(String base64, String call) {
    byte[] data;
    try {
      data = Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      throw ApiException.invalidParameter("The data is not valid base64: " + e.getMessage());
    }
    if (data.length > MAX_BLOCK) {
      throw new ApiException(400, "MAX_BLOCK_SIZE_EXCEEDED",
          "The " + call + " data is " + data.length + " bytes; the limit is " + MAX_BLOCK + " bytes.");
    }
    return data;
  }

  private synchronized Response create(Request request) {
    JsonNode body = request.json();
    Path p = pathField(body, "path");
    checkWritable(p, body.path("overwrite").asBoolean(false));
    expireIdle();
    long handle = nextHandle.getAndIncrement();
    Path staged = storage.staging.resolve("upload-" + handle);
    try {
      Files.write(staged, new byte[0]);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    uploads.put(handle, new Upload(p, staged, clock.millis()));
    return Response.ok(Json.object().put("handle", handle));
  }

  private Upload upload(JsonNode body) {
    expireIdle();
    JsonNode h = body.path("handle");
    Upload u = h.canConvertToLong() ? uploads.get(h.asLong()) : null;
    if (u == null) {
      throw ApiException.notFound("The handle " + h.asText() + " does not exist.");
    }
    u.lastUsed = clock.millis();
    return u;
  }

  private void expireIdle() {
    long now = clock.millis();
    uploads.values().removeIf(u -> {
      boolean idle = now - u.lastUsed > HANDLE_IDLE.toMillis();
      if (idle) {
        FileArea.deleteTree(u.staging);
      }
      return idle;
    });
  }

  private synchronized Response addBlock(Request request) {
    JsonNode body = request.json();
    Upload u = upload(body);
    byte[] data = decodeBlock(body.path("data").asText(""), "add-block");
    try {
      Files.write(u.staging, data, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Response.ok(Json.object());
  }

  private synchronized Response close(Request request) {
    JsonNode body = request.json();
    Upload u = upload(body);
    uploads.values().remove(u);
    try {
      Files.createDirectories(u.target.getParent());
      Files.move(u.staging, u.target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    area.touch(u.target);
    return Response.ok(Json.object());
  }

  private synchronized Response read(Request request) {
    Path p = pathParam(request);
    long offset = longParam(request, "offset", 0);
    long length = longParam(request, "length", DEFAULT_READ);
    if (offset < 0 || length < 0) {
      throw ApiException.invalidParameter("offset and length must not be negative.");
    }
    if (length > MAX_BLOCK) {
      throw new ApiException(400, "MAX_READ_SIZE_EXCEEDED",
          "Cannot read more than " + MAX_BLOCK + " bytes at once; length was " + length + ".");
    }
    if (!Files.exists(p)) {
      throw notFound(area.apiPath(p));
    }
    if (Files.isDirectory(p)) {
      throw ApiException.invalidParameter("The path " + area.apiPath(p) + " is a directory.");
    }
    byte[] data;
    try (RandomAccessFile file = new RandomAccessFile(p.toFile(), "r")) {
      long available = Math.max(0, file.length() - offset);
      data = new byte[(int) Math.min(length, available)];
      if (data.length > 0) {
        file.seek(offset);
        file.readFully(data);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Response.ok(Json.object().put("bytes_read", data.length).put("data", Base64.getEncoder().encodeToString(data)));
  }

  private static long longParam(Request request, String name, long fallback) {
    String text = request.queryParam(name).orElse("");
    if (text.isEmpty()) {
      return fallback;
    }
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw ApiException.invalidParameter(name + " must be a number.");
    }
  }

  private synchronized Response delete(Request request) {
    JsonNode body = request.json();
    Path p = pathField(body, "path");
    if (!Files.exists(p)) {
      return Response.ok(Json.object()); // deleting what is gone succeeds, so a repeated delete is harmless
    }
    if (Files.isDirectory(p) && !area.children(p).isEmpty() && !body.path("recursive").asBoolean(false)) {
      throw new ApiException(400, "IO_ERROR", "The directory " + area.apiPath(p) + " is not empty; use recursive.");
    }
    if (area.apiPath(p).equals("/")) {
      throw ApiException.invalidParameter("The root cannot be deleted.");
    }
    FileArea.deleteTree(p);
    return Response.ok(Json.object());
  }

  private synchronized Response move(Request request) {
    JsonNode body = request.json();
    Path from = pathField(body, "source_path");
    Path to = pathField(body, "destination_path");
    if (!Files.exists(from)) {
      throw notFound(area.apiPath(from));
    }
    if (Files.exists(to)) {
      throw ApiException.alreadyExists("A file or directory already exists at the destination " + area.apiPath(to) + ".");
    }
    if (to.startsWith(from)) {
      throw ApiException.invalidParameter("Cannot move " + area.apiPath(from) + " into itself.");
    }
    try {
      Files.createDirectories(to.getParent());
      Files.move(from, to);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Response.ok(Json.object());
  }
}

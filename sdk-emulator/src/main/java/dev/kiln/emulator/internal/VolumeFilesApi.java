package dev.kiln.emulator.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Files API for Unity Catalog volumes ({@code /api/2.0/fs/files}, {@code /api/2.0/fs/directories}) on the
 * workspace's temporary directory. Every {@code /Volumes/<catalog>/<schema>/<volume>} exists implicitly (the
 * emulator has no Unity Catalog volumes to check against). Downloads honour {@code Range} (206, or 416 past the
 * end) and {@code If-Unmodified-Since} (412); uploads create parent directories, refuse more than 5 GiB and, with
 * {@code overwrite=false}, an existing file (409). Request bodies are read whole by the server, so uploads here
 * are bounded by memory.
 */
final class VolumeFilesApi implements WorkspaceApi {
  static final long MAX_UPLOAD = 5L << 30;
  private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-(\\d*)");
  private static final int MAX_PAGE = 1000;

  private final FileArea area;

  VolumeFilesApi(FileStorage storage) {
    this.area = storage.volumes;
  }

  @Override
  public void register(Router router) {
    String files = "/api/2.0/fs/files/Volumes/{path*}";
    router.put(files, this::upload);
    router.get(files, this::download);
    router.head(files, this::metadata);
    router.delete(files, this::deleteFile);
    String dirs = "/api/2.0/fs/directories/Volumes/{path*}";
    router.put(dirs, this::createDirectory);
    router.head(dirs, this::directoryExists);
    router.delete(dirs, this::deleteDirectory);
    router.get(dirs, this::list);
  }

  /** The local file of {@code /Volumes/...}; at least catalog, schema and volume, and one more for a file. */
  private Path local(Request request, boolean file) {
    String rest = request.pathParam("path");
    int segments = rest.split("/").length;
    if (segments < (file ? 4 : 3)) {
      throw ApiException.invalidParameter("The path /Volumes/" + rest + " is not "
          + (file ? "a file in a volume." : "in a volume."));
    }
    return area.resolve("/" + rest);
  }

  private String apiPath(Path p) {
    return "/Volumes" + area.apiPath(p);
  }

  private static ApiException notFound(String what) {
    return new ApiException(404, "NOT_FOUND", what + " does not exist.");
  }

  private Response upload(Request request) {
    Path p = local(request, true);
    byte[] body = request.body();
    if (body.length > MAX_UPLOAD) {
      throw new ApiException(413, "RESOURCE_EXHAUSTED", "A file is at most " + MAX_UPLOAD + " bytes.");
    }
    synchronized (this) {
      if (Files.isDirectory(p)) {
        throw new ApiException(409, "ALREADY_EXISTS", apiPath(p) + " is a directory.");
      }
      boolean overwrite = !request.queryParam("overwrite").map("false"::equalsIgnoreCase).orElse(false);
      if (Files.exists(p) && !overwrite) {
        throw new ApiException(409, "ALREADY_EXISTS", "The file " + apiPath(p) + " already exists.");
      }
      Path file = area.fileInTheWay(p.getParent());
      if (file != null) {
        throw new ApiException(409, "ALREADY_EXISTS", "A file is in the way: " + apiPath(file) + ".");
      }
      area.write(p, body);
    }
    return Response.of(204, "application/octet-stream", new byte[0]);
  }

  private Path existingFile(Request request) {
    Path p = local(request, true);
    if (!Files.isRegularFile(p)) {
      throw notFound("The file " + apiPath(p));
    }
    return p;
  }

  private static String httpDate(long millis) {
    return DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.ofInstant(Instant.ofEpochMilli(millis), ZoneOffset.UTC));
  }

  private synchronized Response download(Request request) {
    Path p = existingFile(request);
    long size = area.size(p);
    long modified = area.modifiedMillis(p);
    Optional<String> unmodifiedSince = request.header("If-Unmodified-Since");
    if (unmodifiedSince.isPresent()) {
      try {
        Instant since = ZonedDateTime.parse(unmodifiedSince.get(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        if (modified / 1000 > since.getEpochSecond()) {
          throw new ApiException(412, "FAILED_PRECONDITION", "The file was modified since " + unmodifiedSince.get() + ".");
        }
      } catch (java.time.format.DateTimeParseException ignored) {
        // an unreadable date is ignored, as HTTP says
      }
    }
    long from = 0;
    long to = size - 1;
    int status = 200;
    Optional<String> range = request.header("Range");
    if (range.isPresent()) {
      Matcher m = RANGE.matcher(range.get().trim());
      if (m.matches()) {
        from = Long.parseLong(m.group(1));
        if (!m.group(2).isEmpty()) {
          to = Math.min(to, Long.parseLong(m.group(2)));
        }
        if (from >= size || from > to) {
          return Response.error(416, "INVALID_PARAMETER_VALUE", "The range " + range.get() + " is outside the file.")
              .withHeader("Content-Range", "bytes */" + size);
        }
        status = 206;
      }
    }
    byte[] data = new byte[(int) (to - from + 1)];
    try (RandomAccessFile file = new RandomAccessFile(p.toFile(), "r")) {
      file.seek(from);
      file.readFully(data);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Response r = Response.of(status, "application/octet-stream", data).withHeader("Last-Modified", httpDate(modified));
    return status == 206 ? r.withHeader("Content-Range", "bytes " + from + "-" + to + "/" + size) : r;
  }

  private synchronized Response metadata(Request request) {
    Path p = existingFile(request);
    return Response.of(200, "application/octet-stream", new byte[0])
        .withHeader("Content-Length", String.valueOf(area.size(p)))
        .withHeader("Last-Modified", httpDate(area.modifiedMillis(p)));
  }

  private synchronized Response deleteFile(Request request) {
    Path p = existingFile(request);
    FileArea.deleteTree(p);
    return Response.of(204, "application/octet-stream", new byte[0]);
  }

  private synchronized Response createDirectory(Request request) {
    Path p = local(request, false);
    Path file = area.fileInTheWay(p);
    if (file != null) {
      throw new ApiException(409, "ALREADY_EXISTS", "A file is in the way: " + apiPath(file) + ".");
    }
    area.mkdirs(p);
    return Response.of(204, "application/octet-stream", new byte[0]);
  }

  private Path existingDirectory(Request request) {
    Path p = local(request, false);
    if (!Files.isDirectory(p)) {
      throw notFound("The directory " + apiPath(p));
    }
    return p;
  }

  private synchronized Response directoryExists(Request request) {
    existingDirectory(request);
    return Response.of(200, "application/octet-stream", new byte[0]);
  }

  private synchronized Response deleteDirectory(Request request) {
    Path p = existingDirectory(request);
    if (!area.children(p).isEmpty()) {
      throw new ApiException(409, "DIRECTORY_NOT_EMPTY", "The directory " + apiPath(p) + " is not empty.");
    }
    FileArea.deleteTree(p);
    return Response.of(204, "application/octet-stream", new byte[0]);
  }

  private synchronized Response list(Request request) {
    Path p = existingDirectory(request);
    Optional<String> size = request.queryParam("page_size");
    if (size.isPresent() && !size.get().isEmpty()) {
      try {
        int n = Integer.parseInt(size.get());
        if (n < 0 || n > MAX_PAGE) {
          throw ApiException.invalidParameter("page_size must be 0 to " + MAX_PAGE + ".");
        }
      } catch (NumberFormatException e) {
        throw ApiException.invalidParameter("page_size must be a number.");
      }
    }
    List<Path> children = area.children(p);
    return Pages.reply(request, children, MAX_PAGE, "contents", this::entry);
  }

  private ObjectNode entry(Path c) {
    ObjectNode node = Json.object();
    node.put("path", apiPath(c));
    node.put("name", c.getFileName().toString());
    boolean dir = Files.isDirectory(c);
    node.put("is_directory", dir);
    if (!dir) {
      node.put("file_size", area.size(c));
    }
    node.put("last_modified", area.modifiedMillis(c));
    return node;
  }
}

package dev.kiln.emulator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Workspace 2.0 ({@code /api/2.0/workspace/...}) on the {@link WorkspaceTree}: list, get-status, mkdirs, import,
 * export and delete, with the documented limits and codes (10 MB: MAX_NOTEBOOK_SIZE_EXCEEDED; an existing path
 * without overwrite: RESOURCE_ALREADY_EXISTS; a non-empty directory without recursive: DIRECTORY_NOT_EMPTY).
 * Formats SOURCE, AUTO, RAW and JUPYTER are emulated (HTML export too); DBC and R_MARKDOWN answer 400.
 */
final class WorkspaceObjectsApi implements WorkspaceApi {
  static final int MAX_SIZE = 10 * 1024 * 1024;
  private static final String BASE = "/api/2.0/workspace/";
  private static final Set<String> FORMATS = Set.of("SOURCE", "HTML", "JUPYTER", "DBC", "R_MARKDOWN", "AUTO", "RAW");
  private static final Set<String> LANGUAGES = Set.of("PYTHON", "SCALA", "SQL", "R");
  private static final String CELL = "\n\n# COMMAND ----------\n\n";

  private final WorkspaceTree tree;

  WorkspaceObjectsApi(WorkspaceTree tree) {
    this.tree = tree;
  }

  @Override
  public void register(Router router) {
    router.get(BASE + "list", this::list);
    router.get(BASE + "get-status", this::getStatus);
    router.post(BASE + "mkdirs", this::mkdirs);
    router.post(BASE + "import", this::importObject);
    router.get(BASE + "export", this::export);
    router.post(BASE + "delete", this::delete);
  }

  private static ApiException notFound(String path) {
    return ApiException.notFound("Path (" + path + ") doesn't exist.");
  }

  private WorkspaceTree.Meta existing(String path) {
    return tree.meta(path).orElseThrow(() -> notFound(path));
  }

  private ObjectNode object(String path, WorkspaceTree.Meta m) {
    ObjectNode node = Json.object();
    node.put("path", path);
    node.put("object_type", m.type);
    node.put("object_id", m.objectId);
    node.put("resource_id", String.valueOf(m.objectId));
    if (m.language != null) {
      node.put("language", m.language);
    }
    if (WorkspaceTree.FILE.equals(m.type)) {
      node.put("created_at", m.createdAt);
      node.put("modified_at", tree.modifiedAt(path));
      node.put("size", tree.size(path));
    }
    return node;
  }

  private Response list(Request request) {
    String path = WorkspaceTree.normalize(request.queryParam("path").orElse(null));
    WorkspaceTree.Meta m = existing(path);
    ObjectNode body = Json.object();
    if (!WorkspaceTree.DIRECTORY.equals(m.type)) {
      body.putArray("objects").add(object(path, m));
      return Response.ok(body);
    }
    List<String> children = tree.children(path);
    if (!children.isEmpty()) { // an empty directory answers {} as the service does
      ArrayNode objects = body.putArray("objects");
      for (String child : children) {
        tree.meta(child).ifPresent(cm -> objects.add(object(child, cm)));
      }
    }
    return Response.ok(body);
  }

  private Response getStatus(Request request) {
    String path = WorkspaceTree.normalize(request.queryParam("path").orElse(null));
    return Response.ok(object(path, existing(path)));
  }

  private Response mkdirs(Request request) {
    String path = WorkspaceTree.normalize(request.json().path("path").asText(null));
    tree.mkdirs(path).ifPresent(file -> {
      throw ApiException.alreadyExists("Path (" + file + ") already exists and is not a directory.");
    });
    return Response.ok(Json.object());
  }

  private Response importObject(Request request) {
    JsonNode body = request.json();
    String path = WorkspaceTree.normalize(body.path("path").asText(null));
    String format = body.path("format").asText("SOURCE");
    if (!FORMATS.contains(format)) {
      throw ApiException.invalidParameter("Invalid format " + format + "; expected one of " + FORMATS + ".");
    }
    String language = body.hasNonNull("language") ? body.get("language").asText() : null;
    if (language != null && !LANGUAGES.contains(language)) {
      throw ApiException.invalidParameter("Invalid language " + language + ".");
    }
    byte[] content;
    try {
      content = Base64.getDecoder().decode(body.path("content").asText(""));
    } catch (IllegalArgumentException e) {
      throw ApiException.invalidParameter("The content is not valid base64.");
    }
    if (content.length > MAX_SIZE) {
      throw new ApiException(400, "MAX_NOTEBOOK_SIZE_EXCEEDED",
          "The file is " + content.length + " bytes; the import limit is " + MAX_SIZE + " bytes.");
    }
    String type = WorkspaceTree.NOTEBOOK;
    switch (format) {
      case "SOURCE":
        if (language == null) {
          throw ApiException.invalidParameter("The language is required when the format is SOURCE.");
        }
        break;
      case "AUTO":
        language = language != null ? language : headerLanguage(content).orElse(null);
        type = language == null ? WorkspaceTree.FILE : WorkspaceTree.NOTEBOOK;
        break;
      case "RAW":
        type = WorkspaceTree.FILE;
        language = null;
        break;
      case "JUPYTER":
        language = language != null ? language : "PYTHON";
        content = jupyterSource(content).getBytes(StandardCharsets.UTF_8);
        break;
      default:
        throw ApiException.invalidParameter("The emulator does not import the " + format + " format.");
    }
    int slash = path.lastIndexOf('/');
    String parent = slash <= 0 ? "/" : path.substring(0, slash);
    Optional<WorkspaceTree.Meta> parentMeta = tree.meta(parent);
    if (parentMeta.isEmpty() || !WorkspaceTree.DIRECTORY.equals(parentMeta.get().type)) {
      throw ApiException.notFound("The parent folder (" + parent + ") does not exist.");
    }
    Optional<WorkspaceTree.Meta> old = tree.meta(path);
    if (old.isPresent() && (WorkspaceTree.DIRECTORY.equals(old.get().type) || !body.path("overwrite").asBoolean(false))) {
      throw ApiException.alreadyExists("Path (" + path + ") already exists.");
    }
    tree.put(path, type, language, content);
    return Response.ok(Json.object());
  }

  /** The language of a {@code Databricks notebook source} header, the way AUTO recognises a notebook. */
  private static Optional<String> headerLanguage(byte[] content) {
    String head = new String(content, 0, Math.min(content.length, 64), StandardCharsets.UTF_8);
    if (head.startsWith("# Databricks notebook source")) {
      return Optional.of("PYTHON");
    }
    if (head.startsWith("-- Databricks notebook source")) {
      return Optional.of("SQL");
    }
    if (head.startsWith("// Databricks notebook source")) {
      return Optional.of("SCALA");
    }
    return Optional.empty();
  }

  private static String jupyterSource(byte[] content) {
    JsonNode doc;
    try {
      doc = Json.MAPPER.readTree(content);
    } catch (java.io.IOException e) {
      throw ApiException.invalidParameter("The content is not a Jupyter notebook: " + e.getMessage());
    }
    StringBuilder out = new StringBuilder();
    for (JsonNode cell : doc.path("cells")) {
      if (!"code".equals(cell.path("cell_type").asText())) {
        continue;
      }
      if (out.length() > 0) {
        out.append(CELL);
      }
      JsonNode source = cell.path("source");
      if (source.isArray()) {
        source.forEach(line -> out.append(line.asText()));
      } else {
        out.append(source.asText());
      }
    }
    return out.toString();
  }

  private Response export(Request request) {
    String path = WorkspaceTree.normalize(request.queryParam("path").orElse(null));
    WorkspaceTree.Meta m = existing(path);
    String format = request.queryParam("format").orElse("SOURCE");
    if (!FORMATS.contains(format)) {
      throw ApiException.invalidParameter("Invalid format " + format + ".");
    }
    if (WorkspaceTree.DIRECTORY.equals(m.type)) {
      throw ApiException.invalidParameter("The emulator does not export directories (DBC archives).");
    }
    byte[] content = tree.content(path);
    if (content.length > MAX_SIZE) {
      throw new ApiException(400, "MAX_NOTEBOOK_SIZE_EXCEEDED", "The object is larger than " + MAX_SIZE + " bytes.");
    }
    String fileType = fileType(path, m);
    switch (format) {
      case "SOURCE":
      case "AUTO":
      case "RAW":
        break;
      case "JUPYTER":
        content = jupyter(new String(content, StandardCharsets.UTF_8), m.language);
        fileType = "ipynb";
        break;
      case "HTML":
        content = ("<html><body><pre>" + escape(new String(content, StandardCharsets.UTF_8)) + "</pre></body></html>")
            .getBytes(StandardCharsets.UTF_8);
        fileType = "html";
        break;
      default:
        throw ApiException.invalidParameter("The emulator does not export the " + format + " format.");
    }
    if (request.queryParam("direct_download").map(v -> v.equals("true")).orElse(false)) {
      return Response.of(200, "application/octet-stream", content);
    }
    return Response.ok(Json.object().put("content", Base64.getEncoder().encodeToString(content)).put("file_type", fileType));
  }

  private static String fileType(String path, WorkspaceTree.Meta m) {
    if (m.language != null) {
      switch (m.language) {
        case "PYTHON": return "py";
        case "SQL": return "sql";
        case "SCALA": return "scala";
        default: return "r";
      }
    }
    int dot = path.lastIndexOf('.');
    return dot > path.lastIndexOf('/') ? path.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
  }

  private static byte[] jupyter(String source, String language) {
    ObjectNode doc = Json.object();
    ArrayNode cells = doc.putArray("cells");
    for (String cell : source.split("\\n\\n# COMMAND ----------\\n\\n")) {
      ObjectNode c = cells.addObject();
      c.put("cell_type", "code");
      c.putObject("metadata");
      c.putArray("outputs");
      c.put("source", cell);
    }
    doc.putObject("metadata").putObject("language_info").put("name", language == null ? "python" : language.toLowerCase(Locale.ROOT));
    doc.put("nbformat", 4).put("nbformat_minor", 0);
    return Json.bytes(doc);
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  private Response delete(Request request) {
    JsonNode body = request.json();
    String path = WorkspaceTree.normalize(body.path("path").asText(null));
    if (path.equals("/")) {
      throw ApiException.invalidParameter("The root folder cannot be deleted.");
    }
    WorkspaceTree.Meta m = existing(path);
    if (WorkspaceTree.DIRECTORY.equals(m.type) && !tree.children(path).isEmpty() && !body.path("recursive").asBoolean(false)) {
      throw new ApiException(400, "DIRECTORY_NOT_EMPTY", "Folder (" + path + ") is not empty.");
    }
    tree.delete(path);
    return Response.ok(Json.object());
  }
}

package dev.kiln.files.internal;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.kiln.files.model.DbfsFileInfo;
import dev.kiln.files.model.DirectoryEntry;
import dev.kiln.files.model.WorkspaceObject;
import java.util.List;

/** Wire bodies of the DBFS, Workspace and Files APIs that are not public models. */
public final class FilesWire {
  private FilesWire() {}

  /** {@code {path}} (mkdirs) and {@code {path, recursive}} (delete). */
  public static final class PathBody {
    @JsonProperty("path")
    public final String path;

    @JsonProperty("recursive")
    public final Boolean recursive;

    public PathBody(String path, Boolean recursive) {
      this.path = path;
      this.recursive = recursive;
    }
  }

  /** DBFS {@code create {path, overwrite}} and {@code put {path, contents, overwrite}}. */
  public static final class PutBody {
    @JsonProperty("path")
    public final String path;

    @JsonProperty("contents")
    public final String contents;

    @JsonProperty("overwrite")
    public final boolean overwrite;

    public PutBody(String path, String contents, boolean overwrite) {
      this.path = path;
      this.contents = contents;
      this.overwrite = overwrite;
    }
  }

  /** DBFS {@code add-block {handle, data}} and {@code close {handle}}. */
  public static final class BlockBody {
    @JsonProperty("handle")
    public final long handle;

    @JsonProperty("data")
    public final String data;

    public BlockBody(long handle, String data) {
      this.handle = handle;
      this.data = data;
    }
  }

  /** DBFS {@code move {source_path, destination_path}}. */
  public static final class MoveBody {
    @JsonProperty("source_path")
    public final String sourcePath;

    @JsonProperty("destination_path")
    public final String destinationPath;

    public MoveBody(String sourcePath, String destinationPath) {
      this.sourcePath = sourcePath;
      this.destinationPath = destinationPath;
    }
  }

  /** Workspace {@code import {path, format, language, content, overwrite}}. */
  public static final class ImportBody {
    @JsonProperty("path")
    public final String path;

    @JsonProperty("format")
    public final String format;

    @JsonProperty("language")
    public final String language;

    @JsonProperty("content")
    public final String content;

    @JsonProperty("overwrite")
    public final boolean overwrite;

    public ImportBody(String path, String format, String language, String content, boolean overwrite) {
      this.path = path;
      this.format = format;
      this.language = language;
      this.content = content;
      this.overwrite = overwrite;
    }
  }

  /** DBFS {@code create} answer. */
  public static final class Handle {
    public final long handle;

    @JsonCreator
    Handle(@JsonProperty("handle") long handle) {
      this.handle = handle;
    }
  }

  /** DBFS {@code read} answer; {@code bytes_read == 0} is the end of the file. */
  public static final class ReadBlock {
    public final long bytesRead;
    public final String data;

    @JsonCreator
    ReadBlock(@JsonProperty("bytes_read") long bytesRead, @JsonProperty("data") String data) {
      this.bytesRead = bytesRead;
      this.data = data == null ? "" : data;
    }
  }

  /** DBFS {@code list} answer; a missing array is empty. */
  public static final class DbfsList {
    public final List<DbfsFileInfo> files;

    @JsonCreator
    DbfsList(@JsonProperty("files") List<DbfsFileInfo> files) {
      this.files = files == null ? List.of() : files;
    }
  }

  /** Workspace {@code list} answer; an empty directory may come back as {@code {}}. */
  public static final class ObjectList {
    public final List<WorkspaceObject> objects;

    @JsonCreator
    ObjectList(@JsonProperty("objects") List<WorkspaceObject> objects) {
      this.objects = objects == null ? List.of() : objects;
    }
  }

  /** Workspace {@code export} answer. */
  public static final class Exported {
    public final String content;

    @JsonCreator
    Exported(@JsonProperty("content") String content) {
      this.content = content == null ? "" : content;
    }
  }

  /** Files API directory page. */
  public static final class DirectoryPage {
    public final List<DirectoryEntry> contents;
    public final String nextPageToken;

    @JsonCreator
    DirectoryPage(@JsonProperty("contents") List<DirectoryEntry> contents,
        @JsonProperty("next_page_token") String nextPageToken) {
      this.contents = contents == null ? List.of() : contents;
      this.nextPageToken = nextPageToken;
    }
  }
}

package dev.kiln.examples.snippets;

import dev.kiln.files.DbfsClient;
import dev.kiln.files.VolumeFilesClient;
import dev.kiln.files.WorkspaceFilesClient;
import dev.kiln.files.model.ExportFormat;
import dev.kiln.files.model.WorkspaceObject;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/** README "Files": a CSV to a volume and back, a large file to DBFS, a notebook into the workspace. */
@SuppressWarnings("unused") // snippets declare variables to show what a call returns
final class FilesSnippet {
  private FilesSnippet() {}

  static List<String> run(dev.kiln.core.DatabricksClient db, InputStream csv, InputStream big, byte[] notebook) throws java.io.IOException {
    // snippet:files
    VolumeFilesClient volumes = VolumeFilesClient.create(db);
    volumes.upload("/Volumes/main/bir/landing/rates.csv", csv, true);           // the body is streamed
    byte[] back;
    try (InputStream in = volumes.download("/Volumes/main/bir/landing/rates.csv")) {
        back = in.readAllBytes();                                               // resumes with Range if cut off
    }
    DbfsClient dbfs = DbfsClient.create(db);
    long written = dbfs.write("dbfs:/landing/big.bin", big, true,               // 1 MB blocks, one held at a time
            (bytes, total) -> System.err.printf("%d bytes%n", bytes));
    WorkspaceFilesClient workspace = WorkspaceFilesClient.create(db);
    workspace.mkdirs("/Users/etl@bir.gov.ph/month-end");
    workspace.importFile("/Users/etl@bir.gov.ph/month-end/bronze", ExportFormat.AUTO, null,
            notebook, true);                                                    // "# Databricks notebook source ..."
    List<String> paths = new ArrayList<>();
    for (WorkspaceObject o : workspace.list("/Users/etl@bir.gov.ph", true)) {  // lazy, one folder per request
        paths.add(o.path() + " " + o.objectType());
    }
    // end-snippet
    paths.add(0, new String(back, java.nio.charset.StandardCharsets.UTF_8));
    paths.add(1, String.valueOf(written));
    return paths;
  }
}

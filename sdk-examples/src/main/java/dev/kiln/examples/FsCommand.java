package dev.kiln.examples;

import dev.kiln.core.DatabricksClient;
import dev.kiln.files.DbfsClient;
import dev.kiln.files.TransferListener;
import dev.kiln.files.VolumeFilesClient;
import dev.kiln.files.model.DbfsFileInfo;
import dev.kiln.files.model.DirectoryEntry;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code kiln fs ls|cat|cp|rm|mkdir} on DBFS ({@code dbfs:/...}) and Unity Catalog volumes ({@code /Volumes/...});
 * any other path of {@code cp} is a local file.
 */
@Command(
    name = "fs",
    mixinStandardHelpOptions = true,
    description = {"Files on DBFS (dbfs:/...) and in Unity Catalog volumes (/Volumes/<catalog>/<schema>/<volume>/...).",
        "Example: kiln fs cp rates.csv /Volumes/main/bir/landing/rates.csv"},
    subcommands = {FsCommand.Ls.class, FsCommand.Cat.class, FsCommand.Cp.class, FsCommand.Rm.class, FsCommand.Mkdir.class})
final class FsCommand extends CommandGroup {
  private static final long PROGRESS_FROM = 1L << 20;

  static boolean isDbfs(String path) {
    return path.startsWith("dbfs:");
  }

  static boolean isVolume(String path) {
    return path.startsWith("/Volumes/");
  }

  static boolean isRemote(String path) {
    return isDbfs(path) || isVolume(path);
  }

  /** Remote paths only: dbfs:/... or /Volumes/.... */
  static String requireRemote(CliCommand command, String path) {
    if (!isRemote(path)) {
      throw command.usage("not a remote path: " + path + " (use dbfs:/... or /Volumes/<catalog>/<schema>/<volume>/...)");
    }
    return path;
  }

  @Command(name = "ls", mixinStandardHelpOptions = true, description = "Lists a directory.")
  static final class Ls extends CliCommand {
    @Parameters(index = "0", paramLabel = "PATH", description = "dbfs:/... or /Volumes/...")
    String path;

    @Option(names = {"-r", "--recursive"}, description = "Descend into subdirectories (DBFS).")
    boolean recursive;

    @Override
    void run() {
      requireRemote(this, path);
      try (DatabricksClient db = connect()) {
        Table table = Table.withColumns("path", "type", "size", "modified");
        if (isDbfs(path)) {
          for (DbfsFileInfo f : DbfsClient.create(db).list(path, recursive)) {
            table.addRow("dbfs:" + f.path(), f.isDir() ? "dir" : "file", f.isDir() ? null : f.fileSize(),
                f.modifiedAt().orElse(null));
          }
        } else {
          for (DirectoryEntry e : VolumeFilesClient.create(db).list(path)) {
            table.addRow(e.path(), e.isDirectory() ? "dir" : "file", e.fileSize().orElse(null), e.modifiedAt().orElse(null));
          }
        }
        print(table);
      }
    }
  }

  @Command(name = "cat", mixinStandardHelpOptions = true, description = "Writes a remote file to standard output.")
  static final class Cat extends CliCommand {
    @Parameters(index = "0", paramLabel = "PATH", description = "dbfs:/... or /Volumes/...")
    String path;

    @Override
    void run() throws IOException {
      requireRemote(this, path);
      try (DatabricksClient db = connect(); InputStream in = open(db, path, TransferListener.NONE)) {
        in.transferTo(out());
        out().flush();
      }
    }
  }

  @Command(name = "cp", mixinStandardHelpOptions = true,
      description = {"Copies a file: local to remote, remote to local or remote to remote.",
          "Progress goes to standard error for files over 1 MB."})
  static final class Cp extends CliCommand {
    @Parameters(index = "0", paramLabel = "SOURCE")
    String source;

    @Parameters(index = "1", paramLabel = "TARGET")
    String target;

    @Option(names = "--overwrite", description = "Replace an existing target.")
    boolean overwrite;

    @Override
    void run() throws IOException {
      if (!isRemote(source) && !isRemote(target)) {
        throw usage("one of SOURCE and TARGET must be remote (dbfs:/... or /Volumes/...)");
      }
      try (DatabricksClient db = connect()) {
        Progress progress = new Progress(err());
        if (!isRemote(target)) {
          Path local = Path.of(target);
          if (Files.exists(local) && !overwrite) {
            throw usage(target + " exists; pass --overwrite to replace it");
          }
          try (InputStream in = open(db, source, progress)) {
            Files.copy(in, local, StandardCopyOption.REPLACE_EXISTING);
          }
        } else if (!isRemote(source)) {
          Path local = Path.of(source);
          if (!Files.isRegularFile(local)) {
            throw usage(source + " is not a file");
          }
          progress.total = Files.size(local);
          if (isVolume(target)) {
            VolumeFilesClient.create(db).uploadFile(target, local, overwrite, progress);
          } else {
            try (InputStream in = Files.newInputStream(local)) {
              DbfsClient.create(db).write(target, in, overwrite, progress);
            }
          }
        } else {
          try (InputStream in = open(db, source, progress)) {
            write(db, target, in, overwrite);
          }
        }
        progress.finish();
        err().println("copied " + source + " to " + target);
      }
    }
  }

  @Command(name = "rm", mixinStandardHelpOptions = true, description = "Deletes a file or directory.")
  static final class Rm extends CliCommand {
    @Parameters(index = "0", paramLabel = "PATH")
    String path;

    @Option(names = {"-r", "--recursive"}, description = "Delete a directory and everything in it.")
    boolean recursive;

    @Override
    void run() {
      requireRemote(this, path);
      try (DatabricksClient db = connect()) {
        if (isDbfs(path)) {
          DbfsClient.create(db).delete(path, recursive);
        } else {
          VolumeFilesClient volumes = VolumeFilesClient.create(db);
          if (volumes.directoryExists(path)) {
            deleteVolumeDirectory(volumes, path, recursive);
          } else {
            volumes.delete(path);
          }
        }
        err().println("deleted " + path);
      }
    }

    private void deleteVolumeDirectory(VolumeFilesClient volumes, String dir, boolean recursive) {
      if (recursive) {
        List<DirectoryEntry> entries = new ArrayList<>();
        volumes.list(dir).forEach(entries::add); // read the listing whole before deleting from it
        for (DirectoryEntry e : entries) {
          if (e.isDirectory()) {
            deleteVolumeDirectory(volumes, e.path(), true);
          } else {
            volumes.delete(e.path());
          }
        }
      }
      volumes.deleteDirectory(dir);
    }
  }

  @Command(name = "mkdir", mixinStandardHelpOptions = true, description = "Creates a directory and its parents.")
  static final class Mkdir extends CliCommand {
    @Parameters(index = "0", paramLabel = "PATH")
    String path;

    @Override
    void run() {
      requireRemote(this, path);
      try (DatabricksClient db = connect()) {
        if (isDbfs(path)) {
          DbfsClient.create(db).mkdirs(path);
        } else {
          VolumeFilesClient.create(db).createDirectory(path);
        }
      }
    }
  }

  static InputStream open(DatabricksClient db, String path, TransferListener listener) {
    return isDbfs(path) ? DbfsClient.create(db).read(path, listener) : VolumeFilesClient.create(db).download(path, listener);
  }

  static void write(DatabricksClient db, String path, InputStream in, boolean overwrite) {
    if (isDbfs(path)) {
      DbfsClient.create(db).write(path, in, overwrite);
    } else {
      VolumeFilesClient.create(db).upload(path, in, overwrite);
    }
  }

  /** A one-line progress bar on standard error for transfers over 1 MB, redrawn at most every 1 MB. */
  static final class Progress implements TransferListener {
    private final PrintStream err;
    long total = -1;
    private long shown;
    private boolean drawn;

    Progress(PrintStream err) {
      this.err = err;
    }

    @Override
    public synchronized void onProgress(long transferred, OptionalLong knownTotal) {
      long all = knownTotal.orElse(total);
      if (all >= 0 && all < PROGRESS_FROM) {
        return;
      }
      if (transferred - shown < PROGRESS_FROM && transferred != all) {
        return;
      }
      shown = transferred;
      drawn = true;
      String text = all >= 0
          ? String.format(Locale.ROOT, "\r  %s / %s (%d%%)", mb(transferred), mb(all), all == 0 ? 100 : transferred * 100 / all)
          : String.format(Locale.ROOT, "\r  %s", mb(transferred));
      err.print(text);
      err.flush();
    }

    synchronized void finish() {
      if (drawn) {
        err.println();
      }
    }

    private static String mb(long bytes) {
      return String.format(Locale.ROOT, "%.1f MB", bytes / 1048576.0);
    }
  }

}

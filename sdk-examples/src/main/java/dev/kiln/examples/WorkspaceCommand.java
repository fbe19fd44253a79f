package dev.kiln.examples;

import dev.kiln.core.DatabricksClient;
import dev.kiln.files.WorkspaceFilesClient;
import dev.kiln.files.model.ExportFormat;
import dev.kiln.files.model.Language;
import dev.kiln.files.model.WorkspaceObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code kiln workspace ls|import|export|rm} on the workspace tree (notebooks, files, folders). */
@Command(
    name = "workspace",
    mixinStandardHelpOptions = true,
    description = {"Notebooks, files and folders in the workspace tree.",
        "Example: kiln workspace import bronze.py /Users/me/etl/bronze --language PYTHON"},
    subcommands = {WorkspaceCommand.Ls.class, WorkspaceCommand.Import.class, WorkspaceCommand.Export.class,
        WorkspaceCommand.Rm.class})
final class WorkspaceCommand extends CommandGroup {
  @Command(name = "ls", mixinStandardHelpOptions = true, description = "Lists a folder.")
  static final class Ls extends CliCommand {
    @Parameters(index = "0", paramLabel = "PATH", defaultValue = "/", description = "An absolute workspace path.")
    String path;

    @Option(names = {"-r", "--recursive"}, description = "Descend into folders.")
    boolean recursive;

    @Override
    void run() {
      try (DatabricksClient db = connect()) {
        Table table = Table.withColumns("path", "type", "language", "size");
        for (WorkspaceObject o : WorkspaceFilesClient.create(db).list(path, recursive)) {
          table.addRow(o.path(), o.rawObjectType().orElse(null), o.rawLanguage().orElse(null), o.size().orElse(null));
        }
        print(table);
      }
    }
  }

  @Command(name = "import", mixinStandardHelpOptions = true,
      description = "Imports a local file as a notebook (--language, SOURCE format) or a file (--format AUTO or RAW).")
  static final class Import extends CliCommand {
    @Parameters(index = "0", paramLabel = "LOCAL")
    Path local;

    @Parameters(index = "1", paramLabel = "PATH", description = "The workspace path to create.")
    String path;

    @Option(names = "--format", defaultValue = "SOURCE",
        description = "SOURCE, AUTO, RAW, JUPYTER, HTML, DBC or R_MARKDOWN (default ${DEFAULT-VALUE}).")
    ExportFormat format;

    @Option(names = "--language", description = "PYTHON, SQL, SCALA or R (needed for SOURCE).")
    Language language;

    @Option(names = "--overwrite", description = "Replace an existing object.")
    boolean overwrite;

    @Override
    void run() {
      if (format == ExportFormat.SOURCE && language == null) {
        throw usage("--language is required with --format SOURCE");
      }
      try (DatabricksClient db = connect()) {
        WorkspaceFilesClient.create(db).importFile(path, format, language, local, overwrite);
        err().println("imported " + local + " to " + path);
      }
    }
  }

  @Command(name = "export", mixinStandardHelpOptions = true,
      description = "Exports a notebook or file to a local file, or to standard output without one.")
  static final class Export extends CliCommand {
    @Parameters(index = "0", paramLabel = "PATH")
    String path;

    @Parameters(index = "1", paramLabel = "LOCAL", arity = "0..1")
    Path local;

    @Option(names = "--format", defaultValue = "SOURCE", description = "SOURCE, JUPYTER, HTML, DBC, RAW or AUTO (default ${DEFAULT-VALUE}).")
    ExportFormat format;

    @Override
    void run() throws IOException {
      try (DatabricksClient db = connect(); InputStream in = WorkspaceFilesClient.create(db).exportStream(path, format)) {
        if (local == null) {
          in.transferTo(out());
          out().flush();
        } else {
          Files.copy(in, local, StandardCopyOption.REPLACE_EXISTING);
          err().println("exported " + path + " to " + local);
        }
      }
    }
  }

  @Command(name = "rm", mixinStandardHelpOptions = true, description = "Deletes an object; a folder with its content needs -r.")
  static final class Rm extends CliCommand {
    @Parameters(index = "0", paramLabel = "PATH")
    String path;

    @Option(names = {"-r", "--recursive"})
    boolean recursive;

    @Override
    void run() {
      try (DatabricksClient db = connect()) {
        WorkspaceFilesClient.create(db).delete(path, recursive);
        err().println("deleted " + path);
      }
    }
  }
}

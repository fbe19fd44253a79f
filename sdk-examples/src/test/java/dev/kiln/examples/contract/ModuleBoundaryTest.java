package dev.kiln.examples.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The module boundaries the compiler enforces for users on the module path: each library module
 * exports only its API and model packages, core's {@code spi} only to Kiln's own modules, and no
 * {@code internal} package at all. Checked twice: from the module descriptors, and by compiling a
 * user module against them.
 */
class ModuleBoundaryTest {
  private static final List<String> LIBRARIES = List.of(
      "dev.kiln.core", "dev.kiln.sql", "dev.kiln.execution", "dev.kiln.serving", "dev.kiln.vectorsearch", "dev.kiln.genie",
      "dev.kiln.jobs", "dev.kiln.files", "dev.kiln.mlflow", "dev.kiln.catalog", "dev.kiln.opentelemetry");

  @Test
  void librariesExportOnlyTheirApiAndModels() {
    Map<String, ModuleDescriptor> modules = kilnModules();
    assertEquals(new LinkedHashSet<>(LIBRARIES), new LinkedHashSet<>(modules.keySet()));
    for (ModuleDescriptor d : modules.values()) {
      for (ModuleDescriptor.Exports e : d.exports()) {
        String pkg = e.source();
        assertTrue(!pkg.contains(".internal"), d.name() + " exports " + pkg);
        if (pkg.equals("dev.kiln.core.spi")) {
          assertTrue(e.isQualified(), "spi is exported to Kiln modules only");
          assertTrue(e.targets().stream().allMatch(t -> t.startsWith("dev.kiln.")), e.targets().toString());
        } else {
          assertTrue(!e.isQualified(), d.name() + " exports " + pkg + " to " + e.targets());
          String api = d.name().equals("dev.kiln.core") ? "dev.kiln.core" : d.name();
          assertTrue(pkg.equals(api) || pkg.equals(api + ".model") || pkg.equals("dev.kiln.core.auth")
              || pkg.equals("dev.kiln.core.error"), d.name() + " exports " + pkg);
        }
      }
      for (ModuleDescriptor.Opens o : d.opens()) {
        assertTrue(o.isQualified(), d.name() + " opens " + o.source() + " to everyone");
      }
    }
  }

  /** The README's module table names, per artifact, exactly the packages a user can import from it. */
  @Test
  void theReadmeModuleTableNamesEachModulesApiAndModelPackages() throws IOException {
    List<String> readme = Files.readAllLines(Path.of("../README.md"));
    for (ModuleDescriptor d : kilnModules().values()) {
      String artifact = "sdk-" + d.name().substring("dev.kiln.".length());
      List<String> rows = readme.stream().filter(l -> l.startsWith("| `" + artifact + "` |")).collect(Collectors.toList());
      assertEquals(1, rows.size(), "README module table rows for " + artifact);
      String[] cells = rows.get(0).split("\\|");
      Set<String> named = java.util.regex.Pattern.compile("`(dev\\.kiln[a-z.]*)`").matcher(cells[2] + cells[3]).results()
          .map(m -> m.group(1)).collect(Collectors.toCollection(java.util.TreeSet::new));
      Set<String> exported = d.exports().stream().filter(e -> !e.isQualified()).map(ModuleDescriptor.Exports::source)
          .collect(Collectors.toCollection(java.util.TreeSet::new));
      assertEquals(exported, named, "README module table, row " + artifact);
    }
  }

  @Test
  void aUserModuleSeesTheApiButNotTheMachinery(@TempDir Path dir) throws IOException {
    String ok = compile(dir.resolve("ok"), "import dev.kiln.sql.SqlClient;\n"
        + "import dev.kiln.sql.model.StatementRequest;\n"
        + "import dev.kiln.genie.GenieClient;\n"
        + "import dev.kiln.core.OperationHandle;\n"
        + "class Use { SqlClient s; StatementRequest r; GenieClient g; OperationHandle<?, ?, ?> h; }\n");
    assertEquals("", ok, "the API and model packages compile for a user module");

    String spi = compile(dir.resolve("spi"), "import dev.kiln.core.spi.Poller;\nclass Use { Poller<?, ?> p; }\n");
    assertTrue(spi.contains("dev.kiln.core.spi") && spi.contains("not visible"), spi);

    String internal = compile(dir.resolve("internal"),
        "import dev.kiln.sql.internal.StatementApi;\nclass Use { StatementApi a; }\n");
    assertTrue(internal.contains("dev.kiln.sql.internal") && internal.contains("not visible"), internal);
  }

  /** Compiles module {@code user} requiring every Kiln library; returns javac's diagnostics. */
  private static String compile(Path root, String useJava) throws IOException {
    Path src = root.resolve("src/user");
    Files.createDirectories(src.resolve("user"));
    String requires = LIBRARIES.stream().map(m -> "  requires " + m + ";\n").collect(Collectors.joining());
    Files.writeString(src.resolve("module-info.java"), "module user {\n" + requires + "}\n");
    Files.writeString(src.resolve("user/Use.java"), "package user;\n" + useJava);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    StringWriter out = new StringWriter();
    String modulePath = modulePath().stream().map(Path::toString).collect(Collectors.joining(java.io.File.pathSeparator));
    boolean success = javac.getTask(out, null, null, List.of(
            "--module-path", modulePath, "-d", root.resolve("out").toString(), "-proc:none", "-Xlint:-module"),
        null, javac.getStandardFileManager(null, null, null).getJavaFileObjects(
            src.resolve("module-info.java"), src.resolve("user/Use.java")))
        .call();
    return success ? "" : out.toString();
  }

  private static Map<String, ModuleDescriptor> kilnModules() {
    Map<String, ModuleDescriptor> found = new TreeMap<>();
    for (ModuleReference ref : ModuleFinder.of(modulePath().toArray(Path[]::new)).findAll()) {
      String name = ref.descriptor().name();
      if (name.startsWith("dev.kiln.")) {
        found.put(name, ref.descriptor());
      }
    }
    Map<String, ModuleDescriptor> ordered = new java.util.LinkedHashMap<>();
    LIBRARIES.stream().filter(found::containsKey).forEach(n -> ordered.put(n, found.get(n)));
    found.keySet().stream().filter(n -> !ordered.containsKey(n)).forEach(n -> ordered.put(n, found.get(n)));
    return ordered;
  }

  /**
   * The Kiln library modules (as built by this reactor) and what they require at run time, found
   * through classes known to live in each.
   */
  private static List<Path> modulePath() {
    Set<Path> paths = new LinkedHashSet<>();
    for (Class<?> c : List.of(dev.kiln.core.DatabricksClient.class, dev.kiln.sql.SqlClient.class,
        dev.kiln.execution.ExecutionClient.class, dev.kiln.serving.ServingClient.class,
        dev.kiln.vectorsearch.VectorSearchClient.class, dev.kiln.genie.GenieClient.class,
        dev.kiln.jobs.JobsClient.class, dev.kiln.files.DbfsClient.class, dev.kiln.mlflow.MlflowClient.class,
        dev.kiln.catalog.CatalogClient.class, dev.kiln.opentelemetry.KilnTelemetry.class,
        com.fasterxml.jackson.databind.ObjectMapper.class, com.fasterxml.jackson.core.JsonParser.class,
        com.fasterxml.jackson.annotation.JsonProperty.class,
        com.fasterxml.jackson.datatype.jdk8.Jdk8Module.class,
        com.fasterxml.jackson.datatype.jsr310.JavaTimeModule.class, org.slf4j.Logger.class,
        // sdk-sql reads ARROW_STREAM results with Arrow's flatbuffers schema
        org.apache.arrow.flatbuf.Message.class, com.google.flatbuffers.FlatBufferBuilder.class,
        // sdk-opentelemetry's one exception: the OpenTelemetry API (and what it requires)
        io.opentelemetry.api.OpenTelemetry.class, io.opentelemetry.context.Context.class,
        io.opentelemetry.common.ComponentLoader.class)) {
      paths.add(locationOf(c));
    }
    return List.copyOf(paths);
  }

  private static Path locationOf(Class<?> c) {
    try {
      return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new UncheckedIOException(new IOException(e));
    }
  }
}

package dev.kiln.examples.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.source.doctree.DocCommentTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ModifiersTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.DocTrees;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TreePath;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.lang.model.element.Modifier;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every public or protected type and member a user can see in a published module has a doc
 * comment: the hand-written sources and the Immutables-generated model classes (whose javadoc is
 * what users read for builders and value types). {@code internal} and {@code spi} packages are not
 * API and are skipped. Sources are only parsed, not compiled, so the check takes a few seconds;
 * a method marked {@code @Override} inherits its documentation, as in javadoc.
 */
class PublicApiDocumentedTest {
  /** The modules published to users, as directories under the project root. */
  static final List<String> PUBLISHED_MODULES = List.of(
      "sdk-core",
      "sdk-sql",
      "sdk-execution",
      "sdk-serving",
      "sdk-vectorsearch",
      "sdk-genie",
      "sdk-jobs",
      "sdk-files",
      "sdk-mlflow",
      "sdk-catalog",
      "sdk-opentelemetry",
      "sdk-emulator");

  private static final Path MAIN_SOURCES = Path.of("src", "main", "java");
  private static final Path GENERATED_SOURCES = Path.of("target", "generated-sources", "annotations");

  @Test
  void everyPublishedModuleDocumentsItsPublicApi() throws IOException {
    List<String> missing = undocumented(projectRoot(), PUBLISHED_MODULES);
    assertTrue(missing.isEmpty(), missing.size() + " public types/members have no doc comment:\n"
        + String.join("\n", missing));
  }

  @Test
  void reportsEachUndocumentedPublicMemberAndNothingElse(@TempDir Path root) throws IOException {
    write(root.resolve("sdk-fake").resolve(MAIN_SOURCES), "dev/x/Thing.java", "package dev.x;\n"
        + "/** A thing. */\n"
        + "public class Thing {\n"
        + "  /** Documented. */ public static final int DOCUMENTED = 1;\n"
        + "  public int bareField;\n"
        + "  private int hidden;\n"
        + "  int packagePrivate;\n"
        + "  /** Documented. */ public Thing() {}\n"
        + "  protected Thing(String name) {}\n"
        + "  public void bare(String a, java.util.List<String> b) {}\n"
        + "  @Override public String toString() { return \"\"; }\n"
        + "  /** */ public void emptyComment() {}\n"
        + "  /** @return tags alone are a comment */ public int tagged() { return 0; }\n"
        + "  public static class Nested { /** Documented. */ public void fine() {} }\n"
        + "  private static class Hidden { public void notVisible() {} }\n"
        + "  /** Documented. */ public enum Kind { /** Documented. */ A, B }\n"
        + "  /** Documented. */ public interface Callback { void call(); /** Documented. */ void fine(); }\n"
        + "  /** Documented. */ public static class Defaulted {}\n"
        + "  /** Documented. */ public abstract static class Closed { private Closed() {} }\n"
        + "}\n");
    write(root.resolve("sdk-fake").resolve(MAIN_SOURCES), "dev/x/Hidden.java",
        "package dev.x;\nclass Hidden { public void notVisible() {} }\n");
    write(root.resolve("sdk-fake").resolve(MAIN_SOURCES), "dev/x/ValueDef.java", "package dev.x;\n"
        + "import org.immutables.value.Value;\n"
        + "/** Definition of the generated {@code Value}. */\n"
        + "@Value.Immutable\n"
        + "abstract class ValueDef {\n"
        + "  public abstract String bare();\n"
        + "  /** Documented. */ public abstract String fine();\n"
        + "  abstract String packagePrivate();\n"
        + "  /** Documented. */ public abstract static class Builder { public abstract void bareToo(); }\n"
        + "}\n");
    write(root.resolve("sdk-fake").resolve(MAIN_SOURCES), "dev/x/internal/Wire.java",
        "package dev.x.internal;\npublic class Wire { public void notApi() {} }\n");
    write(root.resolve("sdk-fake").resolve(MAIN_SOURCES), "dev/x/spi/Hook.java",
        "package dev.x.spi;\npublic interface Hook { void notApi(); }\n");
    write(root.resolve("sdk-fake").resolve(MAIN_SOURCES), "dev/x/package-info.java", "package dev.x;\n");
    write(root.resolve("sdk-fake").resolve(MAIN_SOURCES), "module-info.java", "module dev.x { exports dev.x; }\n");
    write(root.resolve("sdk-fake").resolve(GENERATED_SOURCES), "dev/x/Value.java", "package dev.x;\n"
        + "public final class Value { public static Value of() { return new Value(); } private Value() {} }\n");

    assertEquals(List.of(
            "sdk-fake: dev.x.Thing#bareField (Thing.java:5)",
            "sdk-fake: dev.x.Thing#Thing(String) (Thing.java:9)",
            "sdk-fake: dev.x.Thing#bare(String, java.util.List<String>) (Thing.java:10)",
            "sdk-fake: dev.x.Thing#emptyComment() (Thing.java:12)",
            "sdk-fake: dev.x.Thing.Nested (Thing.java:14)",
            "sdk-fake: dev.x.Thing.Nested#Nested() (default constructor) (Thing.java:14)",
            "sdk-fake: dev.x.Thing.Kind#B (Thing.java:16)",
            "sdk-fake: dev.x.Thing.Callback#call() (Thing.java:17)",
            "sdk-fake: dev.x.Thing.Defaulted#Defaulted() (default constructor) (Thing.java:18)",
            "sdk-fake: dev.x.ValueDef#bare() (ValueDef.java:6)",
            "sdk-fake: dev.x.ValueDef.Builder#bareToo() (ValueDef.java:9)",
            "sdk-fake: dev.x.Value (generated Value.java:2)",
            "sdk-fake: dev.x.Value#of() (generated Value.java:2)"),
        undocumented(root, List.of("sdk-fake")));
  }

  @Test
  void aMissingModuleDirectoryIsAnErrorNotAPass(@TempDir Path root) {
    UncheckedIOException e = assertThrows(UncheckedIOException.class,
        () -> undocumented(root, List.of("sdk-gone")));
    assertTrue(e.getMessage().contains("sdk-gone"), e.getMessage());
  }

  /**
   * Lists the undocumented public API of {@code modules} (directories under {@code root}), one
   * line each: module, element, and where it is.
   */
  static List<String> undocumented(Path root, List<String> modules) throws IOException {
    List<String> missing = new ArrayList<>();
    for (String module : modules) {
      Path main = root.resolve(module).resolve(MAIN_SOURCES);
      if (!Files.isDirectory(main)) {
        throw new UncheckedIOException(new IOException(module + " has no " + main
            + " (a module renamed or removed? update PUBLISHED_MODULES)"));
      }
      List<Path> sources = apiSources(main);
      Path generated = root.resolve(module).resolve(GENERATED_SOURCES);
      if (!Files.isDirectory(generated) && usesImmutables(sources)) {
        throw new UncheckedIOException(new IOException(module + " has no " + generated
            + ": build it before this test (it runs after the library modules in the reactor)"));
      }
      List<Path> generatedSources = Files.isDirectory(generated) ? apiSources(generated) : List.of();
      missing.addAll(check(module, sources, ""));
      missing.addAll(check(module, generatedSources, "generated "));
    }
    return missing;
  }

  /** Java files of {@code dir} outside {@code internal}/{@code spi} packages, without module/package-info. */
  private static List<Path> apiSources(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(p -> p.toString().endsWith(".java"))
          .filter(p -> !p.getFileName().toString().equals("module-info.java")
              && !p.getFileName().toString().equals("package-info.java"))
          .filter(p -> {
            for (Path segment : dir.relativize(p)) {
              String s = segment.toString();
              if (s.equals("internal") || s.equals("spi")) {
                return false;
              }
            }
            return true;
          })
          .sorted()
          .collect(Collectors.toList());
    }
  }

  private static boolean usesImmutables(List<Path> sources) throws IOException {
    for (Path p : sources) {
      if (Files.readString(p, StandardCharsets.UTF_8).contains("@Value.Immutable")) {
        return true;
      }
    }
    return false;
  }

  private static List<String> check(String module, List<Path> sources, String origin) throws IOException {
    if (sources.isEmpty()) {
      return List.of();
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    StringWriter diagnostics = new StringWriter();
    try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
      JavacTask task = (JavacTask) javac.getTask(diagnostics, files, null, List.of("-proc:none"), null,
          files.getJavaFileObjectsFromPaths(sources));
      DocTrees docs = DocTrees.instance(task);
      List<String> missing = new ArrayList<>();
      for (CompilationUnitTree unit : task.parse()) {
        String pkg = unit.getPackageName() == null ? "" : unit.getPackageName().toString() + ".";
        for (Tree type : unit.getTypeDecls()) {
          if (type instanceof ClassTree) {
            new Walker(module, origin, unit, docs, missing).topLevel(new TreePath(new TreePath(unit), type), pkg);
          }
        }
      }
      assertEquals("", diagnostics.toString(), module + " sources do not parse");
      return missing;
    }
  }

  /** Walks one compilation unit's visible types and members. */
  private static final class Walker {
    private final String module;
    private final String origin;
    private final CompilationUnitTree unit;
    private final DocTrees docs;
    private final List<String> missing;

    Walker(String module, String origin, CompilationUnitTree unit, DocTrees docs, List<String> missing) {
      this.module = module;
      this.origin = origin;
      this.unit = unit;
      this.docs = docs;
      this.missing = missing;
    }

    /**
     * A top-level type. A package-private {@code @Value.Immutable} definition counts as public: the
     * generated public class inherits its members, and javadoc shows them with its comments.
     */
    void topLevel(TreePath path, String prefix) {
      ClassTree type = (ClassTree) path.getLeaf();
      if (visible(type.getModifiers(), false)) {
        type(path, prefix, false, true);
      } else if (annotated(type.getModifiers(), "Value.Immutable")) {
        members(path, prefix + type.getSimpleName(), false);
      }
    }

    /**
     * {@code inInterface}: declared in an interface or annotation, so implicitly public;
     * {@code reachable}: every enclosing type is public, so users can name this one.
     */
    void type(TreePath path, String prefix, boolean inInterface, boolean reachable) {
      ClassTree type = (ClassTree) path.getLeaf();
      if (!visible(type.getModifiers(), inInterface)) {
        return;
      }
      String name = prefix + type.getSimpleName();
      require(path, name);
      members(path, name, reachable);
    }

    /** {@code reachable}: users can name the type, so a constructor javac adds is theirs to call. */
    private void members(TreePath path, String name, boolean reachable) {
      ClassTree type = (ClassTree) path.getLeaf();
      boolean isInterface = type.getKind() == Tree.Kind.INTERFACE || type.getKind() == Tree.Kind.ANNOTATION_TYPE;
      boolean hasConstructor = false;
      for (Tree member : type.getMembers()) {
        TreePath memberPath = new TreePath(path, member);
        if (member instanceof ClassTree) {
          type(memberPath, name + ".", isInterface, reachable);
        } else if (member instanceof MethodTree) {
          MethodTree method = (MethodTree) member;
          boolean constructor = method.getName().contentEquals("<init>");
          hasConstructor |= constructor;
          if (visible(method.getModifiers(), isInterface) && !overrides(method.getModifiers())) {
            String params = method.getParameters().stream().map(p -> p.getType().toString())
                .collect(Collectors.joining(", "));
            String simple = constructor ? type.getSimpleName().toString() : method.getName().toString();
            require(memberPath, name + "#" + simple + "(" + params + ")");
          }
        } else if (member instanceof VariableTree) {
          VariableTree field = (VariableTree) member;
          boolean enumConstant = type.getKind() == Tree.Kind.ENUM
              && field.getModifiers().getFlags().containsAll(Set.of(Modifier.PUBLIC, Modifier.STATIC));
          if (enumConstant || visible(field.getModifiers(), isInterface)) {
            require(memberPath, name + "#" + field.getName());
          }
        }
      }
      if (reachable && type.getKind() == Tree.Kind.CLASS && !hasConstructor) {
        // javac adds a constructor as visible as the class, which javadoc lists with no comment
        report(path, name + "#" + type.getSimpleName() + "() (default constructor)");
      }
    }

    private static boolean visible(ModifiersTree modifiers, boolean inInterface) {
      Set<Modifier> flags = modifiers.getFlags();
      return flags.contains(Modifier.PUBLIC) || flags.contains(Modifier.PROTECTED)
          || (inInterface && !flags.contains(Modifier.PRIVATE));
    }

    private static boolean overrides(ModifiersTree modifiers) {
      return annotated(modifiers, "Override");
    }

    /** Whether {@code modifiers} carry annotation {@code simpleName}, written plain or qualified. */
    private static boolean annotated(ModifiersTree modifiers, String simpleName) {
      return modifiers.getAnnotations().stream().anyMatch(a -> {
        String annotation = a.getAnnotationType().toString();
        return annotation.equals(simpleName) || annotation.endsWith("." + simpleName);
      });
    }

    private void require(TreePath path, String name) {
      DocCommentTree doc = docs.getDocCommentTree(path);
      if (doc == null || (doc.getFullBody().isEmpty() && doc.getBlockTags().isEmpty())) {
        report(path, name);
      }
    }

    private void report(TreePath path, String name) {
      long line = unit.getLineMap().getLineNumber(docs.getSourcePositions().getStartPosition(unit, path.getLeaf()));
      String file = Path.of(unit.getSourceFile().toUri()).getFileName().toString();
      missing.add(module + ": " + name + " (" + origin + file + ":" + line + ")");
    }
  }

  /** The directory holding the published modules: the reactor root above this module. */
  private static Path projectRoot() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isDirectory(dir.resolve("sdk-core").resolve(MAIN_SOURCES))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException("no project root with sdk-core above " + Path.of("").toAbsolutePath());
    }
    return dir;
  }

  private static void write(Path dir, String relative, String content) throws IOException {
    Path file = dir.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }
}

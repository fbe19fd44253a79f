package dev.kiln.emulator;

import dev.kiln.core.DatabricksClient;
import java.util.Objects;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension that gives each test a fresh {@link LocalWorkspace}: declare a parameter of type {@link
 * LocalWorkspace} and/or {@link DatabricksClient} (the workspace's {@link LocalWorkspace#client()}).
 *
 * <pre>{@code
 * @ExtendWith(LocalWorkspaceExtension.class)
 * class ReportTest {
 *   @Test
 *   void totals(LocalWorkspace ws, DatabricksClient db) { ... }
 * }
 *
 * class ConfiguredTest {
 *   @RegisterExtension
 *   static final LocalWorkspaceExtension WORKSPACE =
 *       LocalWorkspaceExtension.configured(b -> b.chunkRowCount(2).genieStepDelay(Duration.ZERO));
 *
 *   @BeforeEach
 *   void seed(LocalWorkspace ws) { ws.sql().execute("CREATE TABLE t AS SELECT * FROM range(5)"); }
 *
 *   @Test
 *   void reads(LocalWorkspace ws) { ... }   // the same workspace as in seed()
 * }
 * }</pre>
 *
 * Scope: one workspace per test method, shared by that test's {@code @BeforeEach}, the test and its {@code
 * @AfterEach}, and closed after it. A parameter of a constructor or {@code @BeforeAll} method gets one
 * workspace for the whole class, which the tests then share. JUnit's {@code junit-jupiter-api} is a
 * provided dependency: the test classpath supplies it.
 */
public final class LocalWorkspaceExtension implements ParameterResolver, AfterEachCallback, AfterAllCallback {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(LocalWorkspaceExtension.class);
  private static final String KEY = "workspace";

  private final Consumer<LocalWorkspace.Builder> configuration;

  /** The default configuration; used by {@code @ExtendWith(LocalWorkspaceExtension.class)}. */
  public LocalWorkspaceExtension() {
    this(builder -> {});
  }

  private LocalWorkspaceExtension(Consumer<LocalWorkspace.Builder> configuration) {
    this.configuration = configuration;
  }

  /** An extension whose workspaces are built with {@code configuration} applied to the builder. */
  public static LocalWorkspaceExtension configured(Consumer<LocalWorkspace.Builder> configuration) {
    return new LocalWorkspaceExtension(Objects.requireNonNull(configuration, "configuration"));
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == LocalWorkspace.class || type == DatabricksClient.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    LocalWorkspace workspace = workspaceFor(context);
    return parameter.getParameter().getType() == DatabricksClient.class ? workspace.client() : workspace;
  }

  /** The workspace of this context or an enclosing one (a class-wide one), else a new one for this context. */
  private LocalWorkspace workspaceFor(ExtensionContext context) {
    ExtensionContext.Store store = context.getStore(NAMESPACE);
    LocalWorkspace workspace = store.get(KEY, LocalWorkspace.class);
    if (workspace == null) {
      LocalWorkspace.Builder builder = LocalWorkspace.builder();
      configuration.accept(builder);
      workspace = builder.start();
      store.put(KEY, workspace);
    }
    return workspace;
  }

  @Override
  public void afterEach(ExtensionContext context) {
    closeOwnedBy(context);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    closeOwnedBy(context);
  }

  /** Closes only a workspace this very context created; Store.remove does not reach into parents. */
  private static void closeOwnedBy(ExtensionContext context) {
    LocalWorkspace workspace = context.getStore(NAMESPACE).remove(KEY, LocalWorkspace.class);
    if (workspace != null) {
      workspace.close();
    }
  }
}

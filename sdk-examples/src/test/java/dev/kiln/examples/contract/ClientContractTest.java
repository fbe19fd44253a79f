package dev.kiln.examples.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.core.DatabricksClient;
import dev.kiln.core.OperationHandle;
import dev.kiln.core.auth.Credentials;
import dev.kiln.core.error.InvalidRequestException;
import dev.kiln.core.spi.Futures;
import dev.kiln.execution.ClustersClient;
import dev.kiln.execution.ExecutionClient;
import dev.kiln.files.DbfsClient;
import dev.kiln.files.VolumeFilesClient;
import dev.kiln.files.WorkspaceFilesClient;
import dev.kiln.genie.GenieClient;
import dev.kiln.serving.ServingClient;
import dev.kiln.sql.SqlClient;
import dev.kiln.vectorsearch.VectorSearchClient;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Walks every public Kiln client and checks the one contract of ARCHITECTURE.md by reflection, so a
 * client (or a method added later) cannot drift from it: {@code create(db)} and
 * {@code create(db, XOptions)} with immutable options; every remote operation has an
 * {@code …Async} twin with the same parameters; async methods never throw (bad input is a failed
 * future with {@code InvalidRequestException} and nothing is sent).
 */
class ClientContractTest {
  /**
   * Public methods that do no remote work, so they have no async twin. Each entry is a deliberate
   * exception; anything else without a twin fails the test.
   */
  private static final Set<String> LOCAL_METHODS = Set.of(
      "options", "clusters", "warehouses", "toString", "hashCode", "equals", "getClass", "notify", "notifyAll", "wait",
      // build a handle for an id the caller already has; the first poll is the remote work
      "handle", "waitUntilReady",
      // lazy PagedIterable: the remote work happens while iterating, page by page
      "listQueries", "listEndpoints", "listIndexes", "listSpaces", "listConversations", "list",
      "listClusters", "scan", "queryAll", "events", "queryHistory", "listRuns");

  private final MockWebServer server = new MockWebServer();
  private DatabricksClient db;

  static List<Class<?>> clients() {
    return List.of(SqlClient.class, dev.kiln.sql.WarehousesClient.class, ExecutionClient.class, ClustersClient.class,
        ServingClient.class, VectorSearchClient.class, GenieClient.class, dev.kiln.jobs.JobsClient.class,
        DbfsClient.class, WorkspaceFilesClient.class, VolumeFilesClient.class);
  }

  @BeforeEach
  void start() throws Exception {
    server.start();
    db = DatabricksClient.builder()
        .host(server.url("/").toString())
        .credentials(Credentials.personalAccessToken("dapi-contract-test"))
        .build();
  }

  @AfterEach
  void stop() throws Exception {
    db.close();
    server.close();
  }

  @ParameterizedTest
  @MethodSource("clients")
  void createWithAndWithoutOptions(Class<?> client) throws Exception {
    Method plain = client.getMethod("create", DatabricksClient.class);
    assertTrue(Modifier.isStatic(plain.getModifiers()));
    assertEquals(client, plain.getReturnType());
    Method withOptions = Arrays.stream(client.getMethods())
        .filter(m -> m.getName().equals("create") && m.getParameterCount() == 2
            && m.getParameterTypes()[0] == DatabricksClient.class
            && m.getParameterTypes()[1].getSimpleName().endsWith("Options"))
        .findFirst()
        .orElseThrow(() -> new AssertionError(client.getSimpleName() + " has no create(db, XOptions)"));
    Class<?> options = withOptions.getParameterTypes()[1];
    Object defaults = options.getMethod("defaults").invoke(null);
    assertNotNull(defaults);
    Object builder = options.getMethod("builder").invoke(null);
    Object rebuilt = defaults.getClass().getMethod("toBuilder").invoke(defaults);
    assertEquals(builder.getClass(), rebuilt.getClass(), "toBuilder() gives the same builder type");
    Object built = rebuilt.getClass().getMethod("build").invoke(rebuilt);
    assertEquals(options, built.getClass());
    for (Field f : options.getDeclaredFields()) {
      if (!Modifier.isStatic(f.getModifiers())) {
        assertTrue(Modifier.isFinal(f.getModifiers()), options.getSimpleName() + "." + f.getName() + " is not final");
      }
    }
    assertNotNull(plain.invoke(null, db));
    assertNotNull(withOptions.invoke(null, db, defaults));
  }

  @ParameterizedTest
  @MethodSource("clients")
  void everyRemoteOperationHasAnAsyncTwin(Class<?> client) {
    Set<String> missing = new TreeSet<>();
    for (Method m : publicInstanceMethods(client)) {
      String name = m.getName();
      if (name.endsWith("Async")) {
        assertEquals(CompletableFuture.class, m.getReturnType(), m + " must return a CompletableFuture");
        String blocking = name.substring(0, name.length() - "Async".length());
        if (!hasMethod(client, blocking, m.getParameterTypes()) && !isStreamTwin(client, blocking, m)) {
          missing.add(blocking + params(m) + " (blocking twin of " + name + ")");
        }
      } else if (!LOCAL_METHODS.contains(name) && !hasMethod(client, name + "Async", m.getParameterTypes())
          && !hasStreamTwin(client, m)) {
        missing.add(name + "Async" + params(m));
      }
    }
    assertTrue(missing.isEmpty(), client.getSimpleName() + " lacks " + missing);
  }

  @ParameterizedTest
  @MethodSource("clients")
  void asyncMethodsNeverThrowAndSendNothingForNullArguments(Class<?> client) throws Exception {
    Object instance = client.getMethod("create", DatabricksClient.class).invoke(null, db);
    List<String> problems = new ArrayList<>();
    for (Method m : publicInstanceMethods(client)) {
      if (!m.getName().endsWith("Async") || m.getParameterCount() == 0) {
        continue;
      }
      Object[] args = Arrays.stream(m.getParameterTypes()).map(ClientContractTest::emptyValue).toArray();
      Object returned;
      try {
        returned = m.invoke(instance, args);
      } catch (InvocationTargetException e) {
        problems.add(m.getName() + params(m) + " threw " + e.getCause());
        continue;
      }
      if (returned == null) {
        problems.add(m.getName() + params(m) + " returned null");
        continue;
      }
      CompletableFuture<?> f = (CompletableFuture<?>) returned;
      try {
        f.get(5, TimeUnit.SECONDS);
        problems.add(m.getName() + params(m) + " accepted null arguments");
      } catch (java.util.concurrent.ExecutionException e) {
        Throwable cause = Futures.unwrap(e);
        if (!(cause instanceof InvalidRequestException)) {
          problems.add(m.getName() + params(m) + " failed with " + cause + ", not InvalidRequestException");
        }
      }
    }
    assertTrue(problems.isEmpty(), String.join("\n", problems));
    assertEquals(0, server.getRequestCount(), "nothing may be sent for bad input");
  }

  @ParameterizedTest
  @MethodSource("clients")
  void handlesReturnedByClientsAreCoreHandles(Class<?> client) {
    for (Method m : publicInstanceMethods(client)) {
      Class<?> r = m.getReturnType();
      if (r.getSimpleName().endsWith("Handle")) {
        assertTrue(OperationHandle.class.isAssignableFrom(r), m + " returns " + r.getName() + ", not a core OperationHandle");
      }
    }
  }

  @org.junit.jupiter.api.Test
  void operationFailuresShareOneBase() {
    for (Class<?> failure : List.of(dev.kiln.sql.StatementFailedException.class, dev.kiln.sql.StatementCanceledException.class,
        dev.kiln.sql.StatementClosedException.class, dev.kiln.execution.CommandFailedException.class,
        dev.kiln.execution.CommandCancelledException.class, dev.kiln.execution.ContextCreationException.class,
        dev.kiln.genie.GenieFailedException.class, dev.kiln.genie.GenieCancelledException.class,
        dev.kiln.serving.EndpointDeploymentFailedException.class, dev.kiln.execution.ClusterUnavailableException.class,
        dev.kiln.sql.WarehouseUnavailableException.class, dev.kiln.jobs.RunFailedException.class)) {
      assertTrue(dev.kiln.core.error.OperationFailedException.class.isAssignableFrom(failure), failure.getName());
    }
    assertEquals("s-1", new dev.kiln.sql.StatementCanceledException("s-1").operationId());
  }

  private static List<Method> publicInstanceMethods(Class<?> c) {
    return Arrays.stream(c.getMethods())
        .filter(m -> !Modifier.isStatic(m.getModifiers()) && m.getDeclaringClass() != Object.class)
        .collect(Collectors.toList());
  }

  /**
   * Streams pair differently: {@code fooStream(args)} returns a {@code java.util.stream.Stream} the
   * caller pulls from, and {@code fooStreamAsync(args, Consumer)} pushes each element to a callback.
   */
  private static boolean isStreamTwin(Class<?> c, String blocking, Method async) {
    Class<?>[] p = async.getParameterTypes();
    if (p.length == 0 || p[p.length - 1] != java.util.function.Consumer.class) {
      return false;
    }
    try {
      return c.getMethod(blocking, Arrays.copyOf(p, p.length - 1)).getReturnType() == java.util.stream.Stream.class;
    } catch (NoSuchMethodException e) {
      return false;
    }
  }

  private static boolean hasStreamTwin(Class<?> c, Method blocking) {
    if (blocking.getReturnType() != java.util.stream.Stream.class) {
      return false;
    }
    Class<?>[] p = Arrays.copyOf(blocking.getParameterTypes(), blocking.getParameterCount() + 1);
    p[p.length - 1] = java.util.function.Consumer.class;
    return hasMethod(c, blocking.getName() + "Async", p);
  }

  private static boolean hasMethod(Class<?> c, String name, Class<?>[] params) {
    try {
      Method m = c.getMethod(name, params);
      return !Modifier.isStatic(m.getModifiers());
    } catch (NoSuchMethodException e) {
      return false;
    }
  }

  private static String params(Method m) {
    return Arrays.stream(m.getParameterTypes()).map(Class::getSimpleName).collect(Collectors.joining(", ", "(", ")"));
  }

  /** Null for references; for primitives the one value no API accepts as a size or count. */
  private static Object emptyValue(Class<?> type) {
    if (!type.isPrimitive()) {
      return null;
    }
    if (type == boolean.class) {
      return false;
    }
    if (type == long.class) {
      return -1L;
    }
    if (type == double.class) {
      return -1.0;
    }
    if (type == float.class) {
      return -1.0f;
    }
    if (type == short.class) {
      return (short) -1;
    }
    if (type == byte.class) {
      return (byte) -1;
    }
    if (type == char.class) {
      return (char) 0;
    }
    return -1;
  }
}

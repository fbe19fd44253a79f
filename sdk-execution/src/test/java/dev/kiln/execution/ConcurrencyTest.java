package dev.kiln.execution;

import static dev.kiln.execution.FakeWorkspace.CLUSTER;
import static dev.kiln.execution.FakeWorkspace.COMMAND_EXECUTE;
import static dev.kiln.execution.FakeWorkspace.COMMAND_STATUS;
import static dev.kiln.execution.FakeWorkspace.json;
import static dev.kiln.execution.FakeWorkspace.status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.core.spi.Futures;
import dev.kiln.core.testing.TestClients;
import dev.kiln.execution.model.CommandResult;
import dev.kiln.execution.model.Language;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ServerSocketFactory;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;

/** Many commands in flight at once cost no thread each. */
class ConcurrencyTest extends ExecutionTestBase {
  private static final int COMMANDS = 200;
  private final AtomicInteger submitted = new AtomicInteger();
  private final AtomicInteger peakThreads = new AtomicInteger();

  @Override
  MockWebServer newServer() {
    MockWebServer s = new MockWebServer();
    s.setServerSocketFactory(new LargeBacklog());
    return s;
  }

  /** Threads Kiln and the JDK HTTP client run on (MockWebServer's own are not counted). */
  private static int clientThreads() {
    Thread[] all = new Thread[Thread.activeCount() + 64];
    int n = Thread.enumerate(all);
    int count = 0;
    for (int i = 0; i < n; i++) {
      String name = all[i].getName();
      if (name.startsWith("kiln-") || name.startsWith("HttpClient-") || name.startsWith("bounded-")) {
        count++;
      }
    }
    return count;
  }

  /**
   * Every command stays Running until all of them were submitted, so all are in flight together.
   * The fake sleeper makes polls back-to-back; the server paces "Running" answers so 200 poll loops
   * do not drown the submits on a busy machine.
   */
  private FakeWorkspace workspace() {
    return FakeWorkspace.runningCluster()
        .contextStarts("ctx-1")
        .always(COMMAND_EXECUTE, r -> json("{\"id\":\"cmd-" + submitted.incrementAndGet() + "\"}"))
        .always(COMMAND_STATUS, r -> {
          peakThreads.accumulateAndGet(clientThreads(), Math::max);
          String id = r.getUrl().queryParameter("commandId");
          if (submitted.get() < COMMANDS) {
            return new MockResponse.Builder(json(status(id, "Running", null))).headersDelay(50, TimeUnit.MILLISECONDS).build();
          }
          return json(status(id, "Finished", "{\"resultType\":\"text\",\"data\":\"" + id + "\"}"));
        });
  }

  /**
   * Each fake sleep moves the client's clock, which also times the HTTP calls: with 200 poll loops
   * the default gaps would age the submits past their overall deadline within seconds.
   */
  private ExecutionClient fastPolls() {
    return ExecutionClient.create(db, ExecutionOptions.builder()
        .commandPollInitialDelay(Duration.ofMillis(1))
        .commandPollMaxDelay(Duration.ofMillis(1))
        .build());
  }

  private void runAll(ExecutionContext ctx) {
    List<CompletableFuture<CommandResult>> futures = new ArrayList<>();
    CompletableFuture<Void> firstFailure = new CompletableFuture<>();
    for (int i = 0; i < COMMANDS; i++) {
      CompletableFuture<CommandResult> f = ctx.executeAsync("print(" + i + ")");
      f.whenComplete((r, e) -> {
        if (e != null) {
          firstFailure.completeExceptionally(e);
        }
      });
      futures.add(f);
    }
    // Fail fast: a lost submit would otherwise keep the others Running until the timeout.
    CompletableFuture.anyOf(CompletableFuture.allOf(futures.toArray(new CompletableFuture<?>[0])), firstFailure)
        .orTimeout(60, TimeUnit.SECONDS).join();
    List<String> outputs = new ArrayList<>();
    for (CompletableFuture<CommandResult> f : futures) {
      outputs.add(Futures.join(f, Duration.ofSeconds(1)).text());
    }
    assertEquals(COMMANDS, outputs.stream().distinct().count(), "each command got its own result");
    assertEquals(COMMANDS, ws.requests(COMMAND_EXECUTE).size());
  }

  @Test
  void twoHundredAsyncCommandsDoNotTakeAThreadEach() {
    int before = clientThreads(); // clients of earlier tests may leave JDK selector threads behind
    start(workspace());
    ExecutionContext ctx = fastPolls().createContext(CLUSTER, Language.PYTHON);

    runAll(ctx);

    int added = peakThreads.get() - before;
    // A thread per command would add 200+; the JDK client and core's pools add a handful.
    assertTrue(added < COMMANDS / 4, "client threads added while " + COMMANDS + " commands were in flight: " + added);
  }

  @Test
  void twoHundredAsyncCommandsCompleteOnTwoWorkerThreads() {
    ExecutorService bounded = Executors.newFixedThreadPool(2, r -> new Thread(r, "bounded-" + r.hashCode()));
    try {
      // A user-supplied executor: if any wait parked a worker, two threads could not serve 200 commands.
      start(workspace(), TestClients.builder(server.url("/").toString(), sleeper).executor(bounded));
      ExecutionContext ctx = fastPolls().createContext(CLUSTER, Language.PYTHON);

      runAll(ctx);
    } finally {
      db.close();
      bounded.shutdownNow();
    }
  }

  /** MockWebServer listens with a backlog of 50; 200 simultaneous connects overflow it. */
  private static final class LargeBacklog extends ServerSocketFactory {
    @Override
    public ServerSocket createServerSocket() throws IOException {
      return new ServerSocket() {
        @Override
        public void bind(SocketAddress endpoint, int backlog) throws IOException {
          super.bind(endpoint, 1024);
        }
      };
    }

    @Override
    public ServerSocket createServerSocket(int port) throws IOException {
      return new ServerSocket(port, 1024);
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog) throws IOException {
      return new ServerSocket(port, Math.max(backlog, 1024));
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog, InetAddress bindAddress) throws IOException {
      return new ServerSocket(port, Math.max(backlog, 1024), bindAddress);
    }
  }
}

package dev.kiln.execution;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.core.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * A scripted API 1.2 + clusters server for MockWebServer: per path, scripted answers are used in
 * order, then the path's default answer. Every request is recorded.
 */
final class FakeWorkspace extends Dispatcher {
  static final String CLUSTER = "0123-456789-abcdefgh";
  static final String CLUSTERS_GET = "/api/2.1/clusters/get";
  static final String CLUSTERS_START = "/api/2.1/clusters/start";
  static final String CONTEXT_CREATE = "/api/1.2/contexts/create";
  static final String CONTEXT_STATUS = "/api/1.2/contexts/status";
  static final String CONTEXT_DESTROY = "/api/1.2/contexts/destroy";
  static final String COMMAND_EXECUTE = "/api/1.2/commands/execute";
  static final String COMMAND_STATUS = "/api/1.2/commands/status";
  static final String COMMAND_CANCEL = "/api/1.2/commands/cancel";

  private final Map<String, Deque<MockResponse>> scripted = new ConcurrentHashMap<>();
  private final Map<String, Function<RecordedRequest, MockResponse>> defaults = new ConcurrentHashMap<>();
  private final List<RecordedRequest> received = new ArrayList<>();

  /** A cluster that is RUNNING and contexts/commands endpoints that accept cancel and destroy. */
  static FakeWorkspace runningCluster() {
    return new FakeWorkspace()
        .always(CLUSTERS_GET, cluster("RUNNING"))
        .always(CONTEXT_DESTROY, "{}")
        .always(COMMAND_CANCEL, "{}");
  }

  /** Scripts the next context creation: {id} then status Running. */
  FakeWorkspace contextStarts(String contextId) {
    return then(CONTEXT_CREATE, "{\"id\":\"" + contextId + "\"}")
        .then(CONTEXT_STATUS, "{\"id\":\"" + contextId + "\",\"status\":\"Running\"}");
  }

  /** Scripts the next command: {id}, then the given status body for polls of that command id. */
  FakeWorkspace command(String commandId, String statusBody) {
    return then(COMMAND_EXECUTE, "{\"id\":\"" + commandId + "\"}").commandStatus(commandId, statusBody);
  }

  /** Scripts the next status answer for polls of one command id. */
  FakeWorkspace commandStatus(String commandId, String statusBody) {
    return then(COMMAND_STATUS + "#" + commandId, statusBody);
  }

  static String cluster(String state) {
    return "{\"cluster_id\":\"" + CLUSTER + "\",\"cluster_name\":\"shared\",\"state\":\"" + state + "\"}";
  }

  FakeWorkspace then(String path, String json) {
    return then(path, json(json));
  }

  FakeWorkspace then(String path, MockResponse response) {
    scripted.computeIfAbsent(path, p -> new ConcurrentLinkedDeque<>()).add(response);
    return this;
  }

  FakeWorkspace always(String path, String json) {
    return always(path, r -> json(json));
  }

  FakeWorkspace always(String path, Function<RecordedRequest, MockResponse> answer) {
    defaults.put(path, answer);
    return this;
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    String path = request.getUrl().encodedPath();
    synchronized (received) {
      received.add(request);
      received.notifyAll();
    }
    MockResponse next = next(path + "#" + request.getUrl().queryParameter("commandId"));
    if (next == null) {
      next = next(path);
    }
    if (next != null) {
      return next;
    }
    Function<RecordedRequest, MockResponse> answer = defaults.get(path);
    if (answer != null) {
      return answer.apply(request);
    }
    return error(404, "{\"error\":\"no answer scripted for " + path + "\"}");
  }

  private MockResponse next(String key) {
    Deque<MockResponse> queue = scripted.get(key);
    return queue == null ? null : queue.poll();
  }

  List<RecordedRequest> requests() {
    synchronized (received) {
      return List.copyOf(received);
    }
  }

  List<RecordedRequest> requests(String path) {
    return requests().stream().filter(r -> r.getUrl().encodedPath().equals(path)).collect(Collectors.toList());
  }

  List<String> paths() {
    return requests().stream().map(r -> r.getUrl().encodedPath()).collect(Collectors.toList());
  }

  /** Waits (up to 5 s, woken by each request) until {@code count} requests to {@code path} arrived. */
  List<RecordedRequest> awaitRequests(String path, int count) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    synchronized (received) {
      while (true) {
        List<RecordedRequest> matching = received.stream()
            .filter(r -> r.getUrl().encodedPath().equals(path)).collect(Collectors.toList());
        if (matching.size() >= count) {
          return matching;
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          fail("expected " + count + " request(s) to " + path + ", got " + matching.size() + "; all: " + paths());
        }
        try {
          TimeUnit.NANOSECONDS.timedWait(received, left);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new AssertionError(e);
        }
      }
    }
  }

  static MockResponse json(String body) {
    return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(body).build();
  }

  static MockResponse error(int code, String body) {
    return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
  }

  static JsonNode body(RecordedRequest r) {
    return tree(r.getBody() == null ? "" : r.getBody().utf8());
  }

  static JsonNode tree(String json) {
    try {
      return Json.mapper().readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A command status body with the given status and results JSON (or none). */
  static String status(String commandId, String status, String resultsJson) {
    return "{\"id\":\"" + commandId + "\",\"status\":\"" + status + "\""
        + (resultsJson == null ? "" : ",\"results\":" + resultsJson) + "}";
  }
}

package dev.kiln.emulator.fidelity;

import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.core.DatabricksConfig;
import com.databricks.sdk.core.commons.CommonsHttpClient;
import com.databricks.sdk.core.http.HttpClient;
import com.databricks.sdk.core.http.Request;
import com.databricks.sdk.core.http.Response;
import dev.kiln.emulator.LocalWorkspace;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The official Databricks Java SDK pointed at a {@link LocalWorkspace} with a personal access token, as a user
 * configures it for a real workspace. The SDK's own Apache HTTP client makes the calls; a thin {@link Recorder}
 * around it only notes each exchange and keeps the bodies, so tests can show which calls the SDK made
 * (discovery, retries) and read the raw JSON it parsed ({@link StrictJson}).
 */
final class OfficialSdk {
  private OfficialSdk() {}

  static WorkspaceClient client(LocalWorkspace ws) {
    return client(ws, new Recorder());
  }

  static WorkspaceClient client(LocalWorkspace ws, Recorder recorder) {
    return client(ws.host(), ws.token(), recorder);
  }

  static WorkspaceClient client(String host, String token, Recorder recorder) {
    DatabricksConfig config =
        new DatabricksConfig()
            .setHost(host)
            .setToken(token)
            // Pins PAT auth so DATABRICKS_* variables on a developer's machine (e.g. DATABRICKS_CLIENT_ID) cannot
            // make the SDK refuse "more than one authorization method configured". With a host set, the SDK
            // reads no ~/.databrickscfg.
            .setAuthType("pat")
            .setHttpClient(recorder.wrap(new CommonsHttpClient.Builder().withTimeoutSeconds(30).build()));
    return new WorkspaceClient(config);
  }

  /** Notes every request the SDK sends ({@code METHOD /path}), its status, the last headers, and the bodies. */
  static final class Recorder {
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<String> exchanges = new CopyOnWriteArrayList<>();
    private final Map<String, String> lastBodies = new ConcurrentHashMap<>();
    private volatile Map<String, String> lastHeaders = Map.of();

    HttpClient wrap(HttpClient delegate) {
      return request -> record(delegate, request);
    }

    private Response record(HttpClient delegate, Request request) throws IOException {
      String line = request.getMethod() + " " + URI.create(request.getUrl()).getPath();
      requests.add(line);
      lastHeaders = Collections.unmodifiableMap(new HashMap<>(request.getHeaders()));
      Response response = delegate.execute(request);
      exchanges.add(line + " -> " + response.getStatusCode());
      if (response.getBody() == null) {
        return response;
      }
      byte[] body;
      try (InputStream in = response.getBody()) {
        body = in.readAllBytes();
      }
      lastBodies.put(line, new String(body, StandardCharsets.UTF_8));
      return new Response(request, response.getUrl(), response.getStatusCode(), response.getStatus(),
          response.getAllHeaders(), new ByteArrayInputStream(body));
    }

    /** {@code METHOD /path} of every request, in order. */
    List<String> requests() {
      return new ArrayList<>(requests);
    }

    /** {@code METHOD /path -> status} of every answered request, in order. */
    List<String> exchanges() {
      return new ArrayList<>(exchanges);
    }

    Map<String, String> lastHeaders() {
      return lastHeaders;
    }

    /** The body of the last response to {@code METHOD /path}. */
    String lastBody(String requestLine) {
      String body = lastBodies.get(requestLine);
      if (body == null) {
        throw new AssertionError("no response recorded for " + requestLine + "; recorded: " + lastBodies.keySet());
      }
      return body;
    }

    void clear() {
      requests.clear();
      exchanges.clear();
      lastBodies.clear();
    }
  }
}

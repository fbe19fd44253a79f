package dev.kiln.emulator.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps {@code METHOD /path/{param}} templates to handlers.
 *
 * <p>Every API is registered the same way; adding one (say the Jobs API):
 *
 * <ol>
 *   <li>Write one final class in this package, say {@code JobsApi implements WorkspaceApi}. Its constructor
 *       takes the shared parts it needs, which {@link WorkspaceRuntime} creates (the clock, the scheduler, the
 *       {@link StatementService} or {@link SqlEngine}, a state class such as {@link Clusters}, ...); its {@code
 *       register(Router)} declares the routes, e.g. {@code router.get("/api/2.1/jobs/get", this::get)}.
 *   <li>In a handler read {@link Request#pathParam}, {@link Request#queryParam} or {@link Request#json},
 *       reply with {@link Response#ok} (Jackson nodes or objects) and fail by throwing {@link ApiException}
 *       (it becomes {@code {"error_code", "message"}} with its status). A list route answers with {@link
 *       Pages#reply}. A reply that waits for work uses {@link #postAsync} and a {@code CompletionStage} instead
 *       of blocking a server thread.
 *   <li>Add the instance to the {@code apis} list in {@link WorkspaceRuntime}'s constructor; seeding methods
 *       go on {@code LocalWorkspace}, delegating to {@link WorkspaceRuntime}.
 * </ol>
 *
 * Bearer auth (for {@code /api/} and {@code /serving-endpoints}) and injected faults are applied by {@link
 * WorkspaceServer} before a request reaches the router, so handlers never deal with them.
 */
final class Router {
  private static final Logger LOG = LoggerFactory.getLogger(Router.class);

  private final List<Route> routes = new CopyOnWriteArrayList<>();

  void get(String template, RouteHandler.Sync handler) {
    add("GET", template, sync(handler));
  }

  void post(String template, RouteHandler.Sync handler) {
    add("POST", template, sync(handler));
  }

  void delete(String template, RouteHandler.Sync handler) {
    add("DELETE", template, sync(handler));
  }

  void patch(String template, RouteHandler.Sync handler) {
    add("PATCH", template, sync(handler));
  }

  void put(String template, RouteHandler.Sync handler) {
    add("PUT", template, sync(handler));
  }

  void head(String template, RouteHandler.Sync handler) {
    add("HEAD", template, sync(handler));
  }

  void postAsync(String template, RouteHandler.Async handler) {
    add("POST", template, handler);
  }

  void add(String method, String template, RouteHandler.Async handler) {
    routes.add(new Route(method, PathTemplate.parse(template), handler));
  }

  /** Runs the matching handler; never completes exceptionally (errors become error replies). */
  CompletableFuture<Response> dispatch(Request request) {
    boolean pathKnown = false;
    for (Route route : routes) {
      Map<String, String> params = route.template.match(request.rawPath());
      if (params == null) {
        continue;
      }
      pathKnown = true;
      if (route.method.equals(request.method())) {
        return invoke(route.handler, request.withPathParams(params));
      }
    }
    String message = "No API found for '" + request.method() + " " + request.path() + "'";
    return CompletableFuture.completedFuture(
        pathKnown
            ? Response.error(405, "BAD_REQUEST", message)
            : Response.error(404, "ENDPOINT_NOT_FOUND", message));
  }

  private static CompletableFuture<Response> invoke(RouteHandler.Async handler, Request request) {
    CompletionStage<Response> stage;
    try {
      stage = handler.handle(request);
    } catch (RuntimeException e) {
      return CompletableFuture.completedFuture(toErrorResponse(e));
    }
    return stage
        .toCompletableFuture()
        .handle((response, error) -> error == null ? response : toErrorResponse(error));
  }

  static Response toErrorResponse(Throwable error) {
    Throwable cause = error;
    while (cause instanceof CompletionException && cause.getCause() != null) {
      cause = cause.getCause();
    }
    if (cause instanceof ApiException) {
      return ((ApiException) cause).toResponse();
    }
    LOG.warn("emulator route failed", cause);
    return Response.error(500, "INTERNAL_ERROR", "The emulator failed: " + cause);
  }

  private static RouteHandler.Async sync(RouteHandler.Sync handler) {
    return request -> CompletableFuture.completedFuture(handler.handle(request));
  }

  private static final class Route {
    final String method;
    final PathTemplate template;
    final RouteHandler.Async handler;

    Route(String method, PathTemplate template, RouteHandler.Async handler) {
      this.method = method;
      this.template = template;
      this.handler = handler;
    }
  }

  /**
   * {@code /api/2.0/sql/statements/{statement_id}}: literal segments and named single-segment parameters; a
   * last parameter written {@code {path*}} takes the rest of the path (one or more segments, joined by '/').
   */
  static final class PathTemplate {
    private final List<String> segments;

    private PathTemplate(List<String> segments) {
      this.segments = segments;
    }

    static PathTemplate parse(String template) {
      return new PathTemplate(split(normalize(template)));
    }

    /**
     * The parameters when {@code rawPath} matches, else null. The path is split on '/' before each segment is
     * percent-decoded, so an encoded {@code %2F} stays inside one segment (one parameter value).
     */
    Map<String, String> match(String rawPath) {
      List<String> actual = new ArrayList<>();
      for (String segment : split(rawPath)) {
        actual.add(Request.percentDecode(segment));
      }
      boolean rest = !segments.isEmpty() && segments.get(segments.size() - 1).endsWith("*}");
      if (rest ? actual.size() < segments.size() : actual.size() != segments.size()) {
        return null;
      }
      Map<String, String> params = new LinkedHashMap<>();
      for (int i = 0; i < segments.size(); i++) {
        String expected = segments.get(i);
        if (rest && i == segments.size() - 1) {
          params.put(expected.substring(1, expected.length() - 2), String.join("/", actual.subList(i, actual.size())));
        } else if (expected.startsWith("{") && expected.endsWith("}")) {
          params.put(expected.substring(1, expected.length() - 1), actual.get(i));
        } else if (!expected.equals(actual.get(i))) {
          return null;
        }
      }
      return params;
    }

    /** Removes one trailing slash: the official SDKs POST to {@code /api/2.0/sql/statements/}. */
    static String normalize(String path) {
      return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    private static List<String> split(String path) {
      List<String> parts = new ArrayList<>();
      for (String part : path.split("/")) {
        if (!part.isEmpty()) {
          parts.add(part);
        }
      }
      return parts;
    }
  }
}

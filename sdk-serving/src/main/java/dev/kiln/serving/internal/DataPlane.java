package dev.kiln.serving.internal;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.core.ApiRequest;
import dev.kiln.core.DatabricksClient;
import dev.kiln.core.error.DatabricksClientException;
import dev.kiln.core.spi.ClientInternals;
import dev.kiln.core.spi.Futures;
import dev.kiln.serving.model.ServingEndpoint;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Where a serving endpoint is invoked, and the short-lived token for route-optimized ones. Route-optimized
 * endpoints answer on their own data-plane URL ({@code data_plane_info.query_info.endpoint_url}) to a token
 * minted for them: {@code POST {host}/oidc/v1/token} (form: {@code grant_type=jwt-bearer}, the workspace token
 * as {@code assertion}, {@code authorization_details} verbatim) → {@code {access_token, expires_in}}. Each
 * endpoint's route is looked up once; its token is kept until {@link #REFRESH_MARGIN} before it expires, with
 * at most one mint in flight per endpoint. The token only ever travels to the data-plane URL.
 */
public final class DataPlane {
  /** A token is replaced this long before it expires (or at half its life, if shorter), so no call carries a dying one. */
  static final Duration REFRESH_MARGIN = Duration.ofMinutes(1);
  static final String TOKEN_PATH = "/oidc/v1/token";
  static final String JWT_BEARER = "urn:ietf:params:oauth:grant-type:jwt-bearer";

  /** An endpoint's route: null {@code url} means the workspace's own invocation path. */
  public static final class Route {
    static final Route WORKSPACE = new Route(null, null);
    final URI url;
    final String authorizationDetails;

    Route(URI url, String authorizationDetails) {
      this.url = url;
      this.authorizationDetails = authorizationDetails;
    }

    public boolean isDataPlane() {
      return url != null;
    }

    /** The data-plane URL of a request to {@code suffix} (e.g. a served model's invocations). */
    public URI url(Function<URI, URI> suffix) {
      return suffix.apply(url);
    }

    @Override
    public String toString() {
      return url == null ? "Route[workspace]" : "Route[" + url + "]";
    }
  }

  /** A minted token and when to stop using it. */
  private static final class Minted {
    final String token;
    final Instant renewAt;

    Minted(String token, Instant renewAt) {
      this.token = token;
      this.renewAt = renewAt;
    }
  }

  private final DatabricksClient db;
  private final Clock clock;
  private final Function<String, CompletableFuture<ServingEndpoint>> lookup;
  private final Map<String, CompletableFuture<Route>> routes = new ConcurrentHashMap<>();
  private final Map<String, Minted> tokens = new ConcurrentHashMap<>();
  private final Map<String, CompletableFuture<Minted>> minting = new ConcurrentHashMap<>();

  public DataPlane(DatabricksClient db, Function<String, CompletableFuture<ServingEndpoint>> lookup) {
    this.db = db;
    this.clock = ClientInternals.of(db).clock();
    this.lookup = lookup;
  }

  /** The endpoint's route, looked up once (a failed lookup is tried again next time). */
  public CompletableFuture<Route> route(String endpoint) {
    CompletableFuture<Route> route = routes.computeIfAbsent(endpoint, name -> Futures.map(lookup.apply(name), DataPlane::routeOf));
    route.whenComplete((r, e) -> {
      if (e != null) {
        routes.remove(endpoint, route);
      }
    });
    return route.copy();
  }

  /** Remembers what an endpoint description says about its route (e.g. from {@code getEndpoint}). */
  public void learn(ServingEndpoint endpoint) {
    routes.put(endpoint.name(), CompletableFuture.completedFuture(routeOf(endpoint)));
  }

  static Route routeOf(ServingEndpoint endpoint) {
    JsonNode query = endpoint.dataPlaneInfo().map(i -> i.path("query_info")).orElse(null);
    String url = query == null ? null : query.path("endpoint_url").asText(null);
    String details = query == null ? null : query.path("authorization_details").asText(null);
    if (url != null && details != null) {
      return new Route(URI.create(url.contains("://") ? url : "https://" + url), details);
    }
    if (endpoint.routeOptimized().orElse(false)) {
      throw new DatabricksClientException("serving endpoint " + endpoint.name() + " is route-optimized but its "
          + "description has no data_plane_info.query_info (endpoint_url, authorization_details) to reach it");
    }
    return Route.WORKSPACE;
  }

  /** A valid data-plane token for the endpoint: the cached one, the mint in flight, or a new mint. */
  public CompletableFuture<String> token(String endpoint, Route route) {
    Minted cached = tokens.get(endpoint);
    if (cached != null && clock.instant().isBefore(cached.renewAt)) {
      return CompletableFuture.completedFuture(cached.token);
    }
    CompletableFuture<Minted> mint = minting.computeIfAbsent(endpoint, name -> {
      CompletableFuture<Minted> started = mint(route);
      started.whenComplete((m, e) -> {
        if (m != null) {
          tokens.put(name, m);
        }
        minting.remove(name);
      });
      return started;
    });
    return mint.thenApply(m -> m.token); // a dependent: cancelling it leaves the shared mint to the others
  }

  /** Drops the endpoint's token (the data plane refused it), so the next call mints a fresh one. */
  public void forget(String endpoint, String token) {
    tokens.computeIfPresent(endpoint, (name, m) -> m.token.equals(token) ? null : m);
  }

  private CompletableFuture<Minted> mint(Route route) {
    Instant asked = clock.instant();
    return Futures.compose(ClientInternals.of(db).credentialHeaders(), headers -> {
      String authorization = headers.getOrDefault("Authorization", "");
      if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
        throw new DatabricksClientException("a route-optimized endpoint needs a data-plane token minted from a "
            + "bearer (OAuth) workspace credential; these credentials send none");
      }
      ApiRequest call = ApiRequest.post(TOKEN_PATH)
          .formBody(Map.of(
              "grant_type", JWT_BEARER,
              "assertion", authorization.substring(7).trim(),
              "authorization_details", route.authorizationDetails))
          .unauthenticated()
          .idempotent(true) // a repeated mint only mints another token
          .build();
      return Futures.map(db.callAsync(call, MintResponse.class), r -> {
        if (r == null || r.accessToken == null || r.accessToken.isEmpty()) {
          throw new DatabricksClientException("the token endpoint answered without an access_token");
        }
        Duration life = Duration.ofSeconds(Math.max(0, r.expiresIn));
        Duration margin = life.dividedBy(2).compareTo(REFRESH_MARGIN) < 0 ? life.dividedBy(2) : REFRESH_MARGIN;
        return new Minted(r.accessToken, asked.plus(life).minus(margin));
      });
    });
  }

  /** {@code {access_token, token_type, expires_in}}; the token never appears in {@link #toString()}. */
  static final class MintResponse {
    final String accessToken;
    final long expiresIn;

    @JsonCreator
    MintResponse(@JsonProperty("access_token") String accessToken, @JsonProperty("expires_in") Long expiresIn) {
      this.accessToken = accessToken;
      this.expiresIn = expiresIn == null ? 0 : expiresIn;
    }

    @Override
    public String toString() {
      return "MintResponse[expires_in=" + expiresIn + "]";
    }
  }
}

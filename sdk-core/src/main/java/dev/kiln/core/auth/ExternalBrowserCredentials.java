package dev.kiln.core.auth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.core.ApiRequest;
import dev.kiln.core.BodyReader;
import dev.kiln.core.ConfigEnvironment;
import dev.kiln.core.error.DatabricksClientException;
import dev.kiln.core.error.DatabricksServiceException;
import dev.kiln.core.spi.Futures;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code external-browser}: OAuth U2M in this process. Authorization code + PKCE (S256) against the
 * workspace's OIDC endpoints ({@code {host}/oidc/.well-known/oauth-authorization-server}), the code
 * received on a loopback listener, tokens refreshed with the refresh token and kept in Kiln's own
 * owner-only cache file keyed by host and client id, so the browser opens only when no usable refresh
 * token is left.
 */
final class ExternalBrowserCredentials extends CachingTokenProvider {
  private static final Logger LOG = LoggerFactory.getLogger(ExternalBrowserCredentials.class);
  static final String DEFAULT_CLIENT_ID = "databricks-cli";
  static final String SCOPES = "all-apis offline_access";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final ConfigEnvironment env;
  private final String host;
  private final String clientId;
  private final TokenCacheFile cache;
  private final String cacheKey;
  /** The last token obtained, for its refresh token; read from the cache file on first use. */
  private volatile Token last;
  private volatile boolean cacheRead;

  ExternalBrowserCredentials(ConfigEnvironment env, String host, String clientId) {
    this.env = env;
    this.host = host;
    this.clientId = clientId == null ? DEFAULT_CLIENT_ID : clientId;
    this.cache = TokenCacheFile.under(env.home());
    this.cacheKey = TokenCacheFile.key(host, this.clientId);
  }

  @Override
  public String authType() {
    return "external-browser";
  }

  @Override
  CompletableFuture<Token> fetchToken(AuthContext context) {
    if (!cacheRead) {
      cacheRead = true;
      Optional<Token> stored = cache.load(cacheKey);
      if (stored.isPresent()) {
        last = stored.get();
        if (context.clock().instant().isBefore(last.expiresAt.minus(REFRESH_MARGIN))) {
          return CompletableFuture.completedFuture(last);
        }
      }
    }
    return endpoints(context).thenCompose(endpoints -> {
      Token previous = last;
      CompletableFuture<Token> next = previous != null && previous.refreshToken != null
          ? refresh(context, endpoints, previous.refreshToken).handle((t, e) -> {
              if (e == null) {
                return CompletableFuture.completedFuture(t);
              }
              Throwable cause = Futures.unwrap(e);
              if (!(cause instanceof DatabricksServiceException)) {
                return CompletableFuture.<Token>failedFuture(cause);
              }
              // The refresh token was revoked or expired: sign in again.
              LOG.info("external-browser: the refresh token for {} was refused ({}); signing in again", host,
                  ((DatabricksServiceException) cause).errorCode());
              return signIn(context, endpoints);
            }).thenCompose(f -> f)
          : signIn(context, endpoints);
      return next.thenApply(t -> {
        Token kept = t.refreshToken == null && previous != null
            ? new Token(t.value, t.expiresAt, t.type, previous.refreshToken) : t;
        last = kept;
        cache.store(cacheKey, kept);
        return kept;
      });
    });
  }

  /** Authorization and token endpoints from the workspace's OIDC discovery document. */
  private CompletableFuture<Map<String, URI>> endpoints(AuthContext context) {
    ApiRequest discovery = ApiRequest.absolute("GET", URI.create(host + "/oidc/.well-known/oauth-authorization-server"))
        .idempotent(true).build();
    return context.send(discovery, BodyReader.json(JsonNode.class)).thenApply(r -> {
      String authorize = r.body().path("authorization_endpoint").asText(null);
      String token = r.body().path("token_endpoint").asText(null);
      if (authorize == null || token == null) {
        throw new DatabricksClientException("external-browser: the OIDC discovery document of " + host
            + " has no authorization_endpoint or token_endpoint");
      }
      return Map.of("authorize", URI.create(authorize), "token", URI.create(token));
    });
  }

  private CompletableFuture<Token> refresh(AuthContext context, Map<String, URI> endpoints, String refreshToken) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "refresh_token");
    form.put("refresh_token", refreshToken);
    form.put("client_id", clientId);
    return tokenRequest(context, endpoints.get("token"), form);
  }

  /** The browser step on a thread of its own (it waits for the user), then the code exchange. */
  private CompletableFuture<Token> signIn(AuthContext context, Map<String, URI> endpoints) {
    String verifier = randomUrlSafe(32);
    String state = randomUrlSafe(16);
    return CommandTokenProvider.runOnOwnThread("kiln-auth-external-browser", () -> {
      try (LoopbackRedirect listener = new LoopbackRedirect(env.oauthRedirectPort())) {
        String redirectUri = listener.redirectUri();
        Map<String, String> q = new LinkedHashMap<>();
        q.put("response_type", "code");
        q.put("client_id", clientId);
        q.put("redirect_uri", redirectUri);
        q.put("scope", SCOPES);
        q.put("state", state);
        q.put("code_challenge", challenge(verifier));
        q.put("code_challenge_method", "S256");
        URI url = URI.create(endpoints.get("authorize") + "?" + formEncode(q));
        LOG.info("external-browser: opening the Databricks sign-in page of {}", host);
        env.browser().open(url);
        Map<String, String> answer = listener.await(env.browserLoginTimeout());
        if (answer.containsKey("error")) {
          throw new DatabricksClientException("external-browser: sign-in failed: " + answer.get("error")
              + (answer.containsKey("error_description") ? ": " + answer.get("error_description") : ""));
        }
        if (!state.equals(answer.get("state"))) {
          throw new DatabricksClientException("external-browser: the redirect's state does not match this sign-in; ignored");
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", answer.get("code"));
        form.put("code_verifier", verifier);
        form.put("redirect_uri", redirectUri);
        form.put("client_id", clientId);
        return form;
      }
    }).thenCompose(form -> tokenRequest(context, endpoints.get("token"), form));
  }

  private CompletableFuture<Token> tokenRequest(AuthContext context, URI endpoint, Map<String, String> form) {
    ApiRequest request = ApiRequest.absolute("POST", endpoint).formBody(form).build(); // a code is single-use
    return context.send(request, BodyReader.json(TokenResponse.class))
        .thenApply(r -> r.body().toToken(context.clock().instant(), "the workspace"));
  }

  static String challenge(String verifier) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }

  private static String randomUrlSafe(int bytes) {
    byte[] b = new byte[bytes];
    RANDOM.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  private static String formEncode(Map<String, String> values) {
    StringJoiner j = new StringJoiner("&");
    values.forEach((k, v) -> j.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));
    return j.toString();
  }

  @Override
  public String toString() {
    return "ExternalBrowserCredentials[host=" + host + ", clientId=" + clientId + ", cache=" + cache.path() + "]";
  }
}

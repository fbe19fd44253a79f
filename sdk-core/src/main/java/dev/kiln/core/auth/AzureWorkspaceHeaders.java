package dev.kiln.core.auth;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Azure extras the official SDKs send with an Azure AD token: {@code X-Databricks-Azure-Workspace-Resource-Id},
 * and, for a service principal, {@code X-Databricks-Azure-SP-Management-Token} (a token for Azure Resource
 * Manager, by which the workspace checks the principal's Azure role on it, e.g. on first sign-in) when one
 * can be had.
 */
final class AzureWorkspaceHeaders implements CredentialsProvider {
  private static final Logger LOG = LoggerFactory.getLogger(AzureWorkspaceHeaders.class);
  static final String RESOURCE_ID_HEADER = "X-Databricks-Azure-Workspace-Resource-Id";
  static final String MANAGEMENT_TOKEN_HEADER = "X-Databricks-Azure-SP-Management-Token";

  private final CredentialsProvider inner;
  private final String workspaceResourceId;
  private final CachingTokenProvider managementToken;

  /** {@code managementToken} null when none is sent. */
  AzureWorkspaceHeaders(CredentialsProvider inner, String workspaceResourceId, CachingTokenProvider managementToken) {
    this.inner = inner;
    this.workspaceResourceId = workspaceResourceId;
    this.managementToken = managementToken;
  }

  @Override
  public String authType() {
    return inner.authType();
  }

  @Override
  public CompletableFuture<Map<String, String>> headers(AuthContext context) {
    CompletableFuture<Map<String, String>> base = inner.headers(context);
    // The management token is an extra: without it most calls still work, so failing to get one
    // (or a login that cannot have one) never fails the request.
    CompletableFuture<Map<String, String>> withMgmt = managementToken == null ? base
        : base.thenCombine(managementToken.token(context).handle((t, e) -> {
          if (e != null) {
            LOG.debug("{}: no Azure management token, sending without it: {}", inner.authType(), e.getClass().getSimpleName());
          }
          return e != null ? null : t;
        }), (h, mgmt) -> {
          if (mgmt == null || mgmt.value.isEmpty()) {
            return h;
          }
          Map<String, String> out = new HashMap<>(h);
          out.put(MANAGEMENT_TOKEN_HEADER, mgmt.value);
          return out;
        });
    return withMgmt.thenApply(h -> {
      Map<String, String> out = new HashMap<>(h);
      out.put(RESOURCE_ID_HEADER, workspaceResourceId);
      return Map.copyOf(out);
    });
  }

  @Override
  public boolean refreshAfterUnauthorized(Map<String, String> rejectedHeaders) {
    String mgmt = rejectedHeaders.get(MANAGEMENT_TOKEN_HEADER);
    if (managementToken != null && mgmt != null) {
      managementToken.refreshAfterUnauthorized(Map.of("Authorization", "Bearer " + mgmt));
    }
    return inner.refreshAfterUnauthorized(rejectedHeaders);
  }

  @Override
  public String toString() {
    return inner + " + Azure workspace headers";
  }
}

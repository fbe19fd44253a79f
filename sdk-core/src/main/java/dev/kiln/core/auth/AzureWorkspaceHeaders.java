package dev.kiln.core.auth;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Azure extras the official SDKs send with an Azure AD token: {@code X-Databricks-Azure-Workspace-Resource-Id},
 * and, for a service principal, {@code X-Databricks-Azure-SP-Management-Token} (a token for Azure Resource
 * Manager, by which the workspace checks the principal's Azure role on it, e.g. on first sign-in).
 */
final class AzureWorkspaceHeaders implements CredentialsProvider {
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
    CompletableFuture<Map<String, String>> withMgmt = managementToken == null ? base
        : base.thenCombine(managementToken.token(context), (h, mgmt) -> {
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
    if (managementToken != null) {
      managementToken.refreshAfterUnauthorized(Map.of("Authorization", "Bearer " + rejectedHeaders.get(MANAGEMENT_TOKEN_HEADER)));
    }
    return inner.refreshAfterUnauthorized(rejectedHeaders);
  }

  @Override
  public String toString() {
    return inner + " + Azure workspace headers";
  }
}

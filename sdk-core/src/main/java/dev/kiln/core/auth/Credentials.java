package dev.kiln.core.auth;

import java.net.URI;

/**
 * Ready-made credentials. Which one {@code DatabricksClient.fromEnvironment()} picks is decided by
 * {@link dev.kiln.core.DatabricksConfig}: token, then OAuth M2M, then Azure service principal.
 */
public final class Credentials {
  private Credentials() {}

  /** A personal access token sent as {@code Authorization: Bearer <token>}. */
  public static CredentialsProvider personalAccessToken(String token) {
    return new PersonalAccessToken(token);
  }

  /** OAuth machine-to-machine (service principal client credentials) against the workspace. */
  public static CredentialsProvider oauthM2M(String clientId, String clientSecret) {
    return new OAuthMachineToMachine(clientId, clientSecret);
  }

  /** An Azure AD service principal with a client secret, against the public Azure login endpoint. */
  public static CredentialsProvider azureServicePrincipal(String tenantId, String clientId, String clientSecret) {
    return azureServicePrincipal(tenantId, clientId, clientSecret, AzureServicePrincipal.DEFAULT_LOGIN_ENDPOINT);
  }

  /** As above, with another login endpoint (sovereign clouds, or a local test server). */
  public static CredentialsProvider azureServicePrincipal(
      String tenantId, String clientId, String clientSecret, URI loginEndpoint) {
    return new AzureServicePrincipal(tenantId, clientId, clientSecret, loginEndpoint);
  }
}

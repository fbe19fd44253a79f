package dev.kiln.core.auth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.core.ConfigEnvironment;
import dev.kiln.core.Json;
import dev.kiln.core.error.DatabricksClientException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code az account get-access-token --resource <Azure Databricks app id> --output json}, with
 * {@code --tenant} when a tenant is configured and {@code --subscription} (from the workspace
 * resource id) tried first, as the official SDKs run it.
 */
final class AzureCliCredentials extends CommandTokenProvider {
  private static final Logger LOG = LoggerFactory.getLogger(AzureCliCredentials.class);

  private final String resource;
  private final String tenantId;
  private final String subscription;

  AzureCliCredentials(ConfigEnvironment env, Path az, String resource, String tenantId, String subscription) {
    super(env, az);
    this.resource = resource;
    this.tenantId = tenantId;
    this.subscription = subscription;
  }

  @Override
  public String authType() {
    return "azure-cli";
  }

  @Override
  String commandName() {
    return "az";
  }

  List<String> args(boolean withSubscription) {
    List<String> args = new ArrayList<>(List.of("account", "get-access-token", "--resource", resource, "--output", "json"));
    if (tenantId != null) {
      args.add("--tenant");
      args.add(tenantId);
    }
    if (withSubscription && subscription != null) {
      args.add("--subscription");
      args.add(subscription);
    }
    return args;
  }

  @Override
  Token fetchBlocking() {
    List<String> args = args(true);
    if (subscription != null) {
      // The workspace's subscription may not be among the login's; the official tools then ask without it.
      ProcessRunner.Result r = tryRun(args);
      if (r.exitCode() == 0) {
        return parse(args, r.stdout());
      }
      LOG.debug("azure-cli: `{}` failed (exit {}); trying without --subscription", shown(args), r.exitCode());
      args = args(false);
    }
    return parse(args, run(args).stdout());
  }

  Token parse(List<String> args, String stdout) {
    JsonNode json;
    try {
      json = Json.mapper().readTree(stdout);
    } catch (IOException e) {
      throw unreadable(args, "not JSON");
    }
    String token = json == null ? null : json.path("accessToken").asText(null);
    if (token == null || token.isEmpty()) {
      throw unreadable(args, "no accessToken");
    }
    Instant expiry;
    JsonNode epoch = json.path("expires_on"); // az 2.54.0+: POSIX seconds, unambiguous
    if (epoch.canConvertToLong() || epoch.isTextual() && epoch.asText().matches("[0-9]+")) {
      expiry = Instant.ofEpochSecond(epoch.asLong());
    } else {
      String local = json.path("expiresOn").asText("");
      try {
        expiry = LocalDateTime.parse(local, LOCAL_TIME).atZone(env.clock().getZone()).toInstant();
      } catch (DateTimeParseException e) {
        throw unreadable(args, "expiresOn '" + local + "' is not a date");
      }
    }
    return new Token(token, expiry, json.path("tokenType").asText("Bearer"), null);
  }

  @Override
  String hint(ProcessRunner.Result r) {
    String err = r.stderr();
    if (err.contains("az login") || err.contains("No subscription found")) {
      return " (sign in with `az login`" + (tenantId != null ? " --tenant " + tenantId : "") + ")";
    }
    return "";
  }

  @Override
  public String toString() {
    return "AzureCliCredentials[az=" + executable + ", tenant=" + tenantId + "]";
  }

  static DatabricksClientException notInstalled() {
    return new DatabricksClientException("azure-cli: `az` was not found on the PATH");
  }
}

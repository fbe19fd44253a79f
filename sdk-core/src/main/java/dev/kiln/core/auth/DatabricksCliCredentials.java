package dev.kiln.core.auth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.core.ConfigEnvironment;
import dev.kiln.core.Json;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The Databricks CLI's U2M login ({@code databricks auth login}): {@code databricks auth token --host <host>}
 * prints the cached (and, when needed, refreshed) token. The CLI keeps its tokens where it likes (a file
 * or the OS keyring), so asking it is the portable way.
 */
final class DatabricksCliCredentials extends CommandTokenProvider {

  private final String host;

  DatabricksCliCredentials(ConfigEnvironment env, Path databricks, String host) {
    super(env, databricks);
    this.host = host;
  }

  @Override
  public String authType() {
    return "databricks-cli";
  }

  @Override
  String commandName() {
    return "databricks";
  }

  List<String> args() {
    return List.of("auth", "token", "--host", host);
  }

  @Override
  Token fetchBlocking() {
    List<String> args = args();
    String stdout = run(args).stdout();
    JsonNode json;
    try {
      json = Json.mapper().readTree(stdout);
    } catch (IOException e) {
      throw unreadable(args, "not JSON");
    }
    String token = json == null ? null : json.path("access_token").asText(null);
    if (token == null || token.isEmpty()) {
      throw unreadable(args, "no access_token");
    }
    String expiry = json.path("expiry").asText("");
    Instant expiresAt;
    try {
      expiresAt = OffsetDateTime.parse(expiry).toInstant();
    } catch (DateTimeParseException rfc3339) {
      try {
        expiresAt = LocalDateTime.parse(expiry, LOCAL_TIME).atZone(env.clock().getZone()).toInstant();
      } catch (DateTimeParseException e) {
        throw unreadable(args, "expiry '" + expiry + "' is not a date");
      }
    }
    return new Token(token, expiresAt, json.path("token_type").asText("Bearer"), null);
  }

  @Override
  String hint(ProcessRunner.Result r) {
    String err = r.stderr();
    if (err.contains("not configured") || err.contains("auth login") || err.contains("refresh token")) {
      return " (sign in with `databricks auth login --host " + host + "`)";
    }
    return "";
  }

  @Override
  public String toString() {
    return "DatabricksCliCredentials[databricks=" + executable + ", host=" + host + "]";
  }
}
